package dev.gatehouse.app;

import dev.gatehouse.app.config.ServerConfig;
import dev.gatehouse.app.command.ServeCommand;
import dev.gatehouse.app.command.ConfigDefaults;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One typed configuration: flags over GATEHOUSE_* variables over the config file over defaults, refused in one line when wrong. */
class ConfigurationTest {

    @TempDir
    Path dir;

    private Path file(String yaml) throws IOException {
        Path file = dir.resolve("gatehouse.yaml");
        Files.writeString(file, yaml);
        return file;
    }

    @Test
    void givenAFlagAVariableAndAFile_thenEachSettingComesFromTheHighestAndConfigSaysWhere() throws IOException {
        Path file = file("host: 0.0.0.0\nport: 9191\nidle-timeout: 10m\nabsolute-timeout: 2h\ntrusted-proxy: [10.0.0.1, 10.0.0.2]\n");
        Map<String, String> env = Map.of("GATEHOUSE_IDLE_TIMEOUT", "5m", "GATEHOUSE_ACCESS_LOG", "true");

        CommandRunner config = CommandRunner.runIn(env, "config", "--config", file.toString(), "--host", "127.0.0.2");

        assertEquals(0, config.exitCode, config.toString());
        assertTrue(config.out.contains("host: 127.0.0.2  # flag\n"), config.out);
        assertTrue(config.out.contains("port: 9191  # file " + file + "\n"), config.out);
        assertTrue(config.out.contains("idle-timeout: 5m  # env GATEHOUSE_IDLE_TIMEOUT\n"), config.out);
        assertTrue(config.out.contains("absolute-timeout: 2h  # file"), config.out);
        assertTrue(config.out.contains("access-log: true  # env GATEHOUSE_ACCESS_LOG\n"), config.out);
        assertTrue(config.out.contains("max-form-fields: 8  # default\n"), config.out);

        // And serve is built from exactly those values, typed.
        ServeCommand serve = new ServeCommand();
        CommandLine line = new CommandLine(serve);
        line.setDefaultValueProvider(ConfigDefaults.load(new String[]{"--config", file.toString()}, env));
        line.parseArgs("--host", "127.0.0.2");
        ServerConfig built = serve.config();
        assertEquals("127.0.0.2", built.http().host());
        assertEquals(9191, built.http().port());
        assertEquals(Duration.ofMinutes(5), built.sessionPolicy().idleTimeout());
        assertEquals(Duration.ofHours(2), built.sessionPolicy().absoluteTimeout());
        assertTrue(built.http().accessLog());
        assertEquals(Set.of("10.0.0.1", "10.0.0.2"), built.http().trustedProxies());
    }

    @Test
    void givenTheSecondFactorOptions_thenServeAndTheTerminalShareThem() {
        ServeCommand serve = new ServeCommand();
        new CommandLine(serve).parseArgs("--require-second-factor-for", "ops,Admins", "--issuer", " Acme SSO ");
        ServerConfig built = serve.config();
        assertEquals(Set.of(new dev.gatehouse.domain.Group("ops"), new dev.gatehouse.domain.Group("admins")),
                built.secondFactors().requirement().groups());
        assertEquals(false, built.secondFactors().requirement().everyone());
        assertEquals(java.util.Optional.of("Acme SSO"), built.secondFactors().issuer());
        CommandRunner refused = CommandRunner.run("", "serve", "--require-second-factor-for", "not a group!");
        assertEquals(2, refused.exitCode, refused.toString());
    }

    @Test
    void givenTheConfigFileInGatehouseConfig_thenItIsRead() throws IOException {
        Path file = file("port: 9292\n");

        CommandRunner config = CommandRunner.runIn(Map.of("GATEHOUSE_CONFIG", file.toString()), "config");

        assertTrue(config.out.contains("port: 9292  # file " + file + "\n"), config.toString());
    }

    @Test
    void givenAnUnknownKeyOrVariable_thenNothingStartsAndOneLineNamesIt() throws IOException {
        Path file = file("prot: 9090\n");

        CommandRunner misspeltKey = CommandRunner.runIn(Map.of(), "serve", "--config", file.toString());
        CommandRunner misspeltVariable = CommandRunner.runIn(Map.of("GATEHOUSE_IDLE_TIMOUT", "5m"), "serve");

        assertEquals(2, misspeltKey.exitCode);
        assertEquals("gatehouse: " + file + ": unknown key 'prot' (did you mean 'port'?)\n", misspeltKey.err);
        assertEquals(2, misspeltVariable.exitCode);
        assertEquals(1, misspeltVariable.err.lines().count(), misspeltVariable.err);
        assertTrue(misspeltVariable.err.contains("GATEHOUSE_IDLE_TIMOUT"), misspeltVariable.err);
    }

    @Test
    void givenABadValueFromTheFileOrTheEnvironment_thenOneLineNamesTheKeyAndWhereItCameFrom() throws IOException {
        Path file = file("idle-timeout: soon\n");

        CommandRunner fromFile = CommandRunner.runIn(Map.of(), "serve", "--config", file.toString());
        CommandRunner fromEnvironment = CommandRunner.runIn(Map.of("GATEHOUSE_PORT", "eighty"), "serve");
        CommandRunner notYaml = CommandRunner.runIn(Map.of(), "serve", "--config", file("port: [\n").toString());
        CommandRunner section = CommandRunner.runIn(Map.of(), "serve", "--config", file("port:\n  number: 1\n").toString());

        assertEquals(2, fromFile.exitCode);
        assertEquals(1, fromFile.err.lines().count(), fromFile.err);
        assertTrue(fromFile.err.contains("--idle-timeout") && fromFile.err.contains("(from file " + file + ")"), fromFile.err);
        assertEquals(2, fromEnvironment.exitCode);
        assertEquals(1, fromEnvironment.err.lines().count(), fromEnvironment.err);
        assertTrue(fromEnvironment.err.contains("--port") && fromEnvironment.err.contains("(from env GATEHOUSE_PORT)"), fromEnvironment.err);
        assertEquals("gatehouse: " + file + ": not valid YAML at line 2, column 1\n", notYaml.err);
        assertEquals("gatehouse: " + file + ": port: expected a value, not a section\n", section.err);
    }

    @Test
    void givenSettingsThatContradictEachOther_thenTheStartIsRefusedInOneLine() {
        CommandRunner timeouts = CommandRunner.runIn(Map.of("GATEHOUSE_IDLE_TIMEOUT", "9h"), "serve");
        CommandRunner ports = CommandRunner.runIn(Map.of(), "config", "--port", "9000", "--metrics-port", "9000");
        CommandRunner iterations = CommandRunner.runIn(Map.of(), "serve", "--hash-iterations", "1000");

        assertEquals("gatehouse: idle-timeout is longer than absolute-timeout: a session would never end for being idle.\n", timeouts.err);
        assertEquals(2, timeouts.exitCode);
        assertEquals("gatehouse: metrics-port is the same as port: metrics need a listener of their own.\n", ports.err);
        assertEquals(2, iterations.exitCode);
        assertTrue(iterations.err.startsWith("gatehouse: hash-iterations below 100000"), iterations.err);
    }

    @Test
    void givenSecrets_thenConfigNeverPrintsThem() {
        Map<String, String> env = Map.of("GATEHOUSE_SECRET", "s3cret-value-that-is-long-enough-0123456789",
                "GATEHOUSE_SESSION_STORE", "redis://:hunter2@127.0.0.1:6379/7",
                "GATEHOUSE_USER_DIRECTORY", "postgresql://app:pa55word@127.0.0.1:5432/test");

        CommandRunner config = CommandRunner.runIn(env, "config");

        assertEquals(0, config.exitCode, config.toString());
        assertFalse(config.out.contains("s3cret") || config.out.contains("hunter2") || config.out.contains("pa55word"), config.out);
        assertTrue(config.out.contains("session-store: 'redis://:***@127.0.0.1:6379/7'  # env GATEHOUSE_SESSION_STORE"), config.out);
        assertTrue(config.out.contains("user-directory: 'postgresql://app:***@127.0.0.1:5432/test'"), config.out);
        assertTrue(config.out.contains("# secret: set by GATEHOUSE_SECRET (masked)"), config.out);
    }

    @Test
    void givenItsOwnOutput_thenConfigReadsItBackAsTheSameConfiguration() throws IOException {
        CommandRunner first = CommandRunner.runIn(Map.of(), "config", "--port", "9393", "--trusted-proxy", "10.0.0.9");
        Path saved = file(first.out);

        CommandRunner again = CommandRunner.runIn(Map.of(), "config", "--config", saved.toString());

        assertEquals(0, again.exitCode, again.toString());
        assertEquals(first.out.replaceAll("  # .*", ""), again.out.replaceAll("  # .*", ""));
    }

    @Test
    void givenVersion_thenItNamesGatehouseAndTheJava() {
        CommandRunner version = CommandRunner.runIn(Map.of(), "--version");

        assertEquals(0, version.exitCode);
        assertTrue(version.out.startsWith("Gatehouse "), version.out);
        assertTrue(version.out.contains("Java " + Runtime.version()), version.out);
    }

    @Test
    void givenASentinelOrAClusterLocation_thenConfigSaysItsModeTlsAndPasswordWithoutConnecting() {
        CommandRunner sentinel = CommandRunner.runIn(Map.of("GATEHOUSE_REDIS_PASSWORD", "a-redis-password"), "config", "--session-store",
                "rediss-sentinel://127.0.0.1:26379,127.0.0.1:26380,127.0.0.1:26381/mymaster");
        assertEquals(0, sentinel.exitCode, sentinel.toString());
        assertTrue(sentinel.out.contains("# session store: redis, sentinel (master mymaster, 3 sentinels), TLS on, password set (masked)"),
                sentinel.out);
        assertFalse(sentinel.out.contains("a-redis-password"));
        CommandRunner cluster = CommandRunner.run("", "config", "--session-store", "redis-cluster://gatehouse@127.0.0.1:7000,127.0.0.1:7001");
        assertEquals(0, cluster.exitCode, cluster.toString());
        assertTrue(cluster.out.contains("# session store: redis, cluster (2 nodes given), TLS off, password none"), cluster.out);

        assertEquals(2, CommandRunner.run("", "config", "--session-store", "redis-sentinel://127.0.0.1:1").exitCode, "no master name");
        assertEquals(2, CommandRunner.run("", "config", "--session-store", "redis-cluster://").exitCode, "no node");
        CommandRunner passwordInUrl = CommandRunner.run("", "config", "--session-store", "redis-cluster://gatehouse:hunter2@127.0.0.1:7000");
        assertEquals(2, passwordInUrl.exitCode, "a cluster's password comes from the environment or a file");
        assertFalse(passwordInUrl.err.contains("hunter2"), passwordInUrl.err);
    }
}
