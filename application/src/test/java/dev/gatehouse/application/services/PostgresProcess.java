package dev.gatehouse.application.services;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A PostgreSQL of a test's own, from Debian's package, as an operator would set one up for
 * Gatehouse: it listens on 127.0.0.1 only, accepts TLS connections only ({@code hostssl}), and asks
 * for a password (SCRAM) of a login role that owns one database. PostgreSQL refuses to run as root,
 * so a test running as root starts it as the {@code postgres} user.
 */
public final class PostgresProcess implements AutoCloseable {

    public final int port;
    private final Path directory;
    private final Path bin;
    private final WatchedProcess server;

    private PostgresProcess(int port, Path directory, Path bin, WatchedProcess server) {
        this.port = port;
        this.directory = directory;
        this.bin = bin;
        this.server = server;
    }

    /** The directory of PostgreSQL's programs (initdb, postgres), newest version first; empty when it is not installed. */
    public static Optional<Path> programs() {
        try (Stream<Path> versions = Files.list(Path.of("/usr/lib/postgresql"))) {
            return versions.map(version -> version.resolve("bin")).filter(bin -> Files.isExecutable(bin.resolve("initdb")))
                    .max(Comparator.naturalOrder());
        } catch (IOException notInstalled) {
            return Optional.empty();
        }
    }

    /**
     * Starts it with this certificate and key, and makes the role {@code user} with {@code password}
     * and its database {@code database}; returns once it accepts connections.
     */
    public static PostgresProcess startWithTls(Path certificate, Path key, String user, String password, String database)
            throws IOException, InterruptedException {
        Path bin = programs().orElseThrow(() -> new IllegalStateException("PostgreSQL is not installed"));
        Path directory = Files.createTempDirectory("postgres-");
        Files.copy(certificate, directory.resolve("server.crt"));
        Files.copy(key, directory.resolve("server.key"));
        Files.setPosixFilePermissions(directory.resolve("server.key"), PosixFilePermissions.fromString("rw-------"));
        ownedByThePostgresUser(directory);
        Path data = directory.resolve("data");
        run(List.of(bin.resolve("initdb").toString(), "-D", data.toString(), "-U", "postgres", "--auth-local=trust", "--auth-host=reject",
                "-E", "UTF8", "--no-sync"));
        // Over the network only TLS with a password; the test's own set-up goes through the socket in its directory.
        Files.writeString(data.resolve("pg_hba.conf"), "local all postgres trust\nhostssl all all 127.0.0.1/32 scram-sha-256\n");
        int port = RedisProcess.freePort();
        WatchedProcess server = WatchedProcess.start(asPostgres(List.of(bin.resolve("postgres").toString(), "-D", data.toString(),
                "-p", Integer.toString(port), "-k", directory.toString(), "-c", "listen_addresses=127.0.0.1", "-c", "ssl=on",
                "-c", "ssl_cert_file=" + directory.resolve("server.crt"), "-c", "ssl_key_file=" + directory.resolve("server.key"),
                "-c", "fsync=off", "-c", "password_encryption=scram-sha-256")), "database system is ready to accept connections");
        PostgresProcess postgres = new PostgresProcess(port, directory, bin, server);
        try {
            postgres.sql("CREATE ROLE " + user + " LOGIN PASSWORD '" + password.replace("'", "''") + "'");
            postgres.sql("CREATE DATABASE " + database + " OWNER " + user);
            return postgres;
        } catch (IOException | InterruptedException | RuntimeException failed) {
            postgres.close();
            throw failed;
        }
    }

    /** Runs one SQL statement as the superuser, over the socket in its directory. */
    public void sql(String statement) throws IOException, InterruptedException {
        run(List.of(bin.resolve("psql").toString(), "-h", directory.toString(), "-p", Integer.toString(port), "-U", "postgres", "-d", "postgres",
                "-v", "ON_ERROR_STOP=1", "-q", "-c", statement));
    }

    private static boolean root() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static List<String> asPostgres(List<String> command) {
        if (!root()) {
            return command;
        }
        List<String> asUser = new ArrayList<>(List.of("runuser", "-u", "postgres", "--"));
        asUser.addAll(command);
        return asUser;
    }

    private static void ownedByThePostgresUser(Path directory) throws IOException {
        if (!root()) {
            return;
        }
        UserPrincipal postgres = directory.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("postgres");
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.toList()) {
                Files.setOwner(path, postgres);
            }
        }
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(asPostgres(command)).redirectErrorStream(true).start();
        String said = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed:\n" + said);
        }
    }

    /** Stops it at once (pg_ctl's fast shutdown: connections are cut) and removes its directory. */
    @Override
    public void close() {
        try {
            run(List.of(bin.resolve("pg_ctl").toString(), "-D", directory.resolve("data").toString(), "stop", "-m", "fast"));
        } catch (IOException | InterruptedException | IllegalStateException notRunning) {
            // Already stopped, or never started: the process below is stopped either way.
        }
        server.close();
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException gone) {
            // Nothing left to remove.
        }
    }
}
