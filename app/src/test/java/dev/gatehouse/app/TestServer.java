package dev.gatehouse.app;

import dev.gatehouse.app.config.ServerConfig;
import dev.gatehouse.app.config.SessionStoreLocation;
import dev.gatehouse.app.config.UserDirectoryLocation;
import dev.gatehouse.app.config.CoreSettings;
import dev.gatehouse.app.wiring.TerminalCores;
import dev.gatehouse.app.wiring.Secrets;
import dev.gatehouse.adapter.vertx.web.HttpSettings;
import dev.gatehouse.adapter.cli.TerminalCore;
import dev.gatehouse.adapter.vertx.driven.hashing.PasswordHashing;
import dev.gatehouse.adapter.vertx.driven.file.UsersFileDirectory;
import dev.gatehouse.application.MutableClock;
import dev.gatehouse.domain.SessionPolicy;
import dev.gatehouse.domain.ThrottlePolicy;
import dev.gatehouse.domain.access.AccessRules;
import dev.gatehouse.domain.access.SecondFactorRequirement;
import dev.gatehouse.app.config.SecondFactorSettings;
import io.vertx.core.Vertx;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A real Gatehouse on a free port of 127.0.0.1, wired by the real composition root, with a clock the test moves. */
final class TestServer {

    static final Duration IDLE = Duration.ofMinutes(30);
    static final Duration ABSOLUTE = Duration.ofHours(8);

    final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T09:00:00Z"));
    final Gatehouse.Running running;
    final String adminPassword;
    final String console;
    final Path dataDir;

    TestServer(Vertx vertx, Path dataDir) {
        this(vertx, dataDir, HttpSettings.defaults("127.0.0.1", 0));
    }

    TestServer(Vertx vertx, Path dataDir, HttpSettings http) {
        this(vertx, dataDir, http, SessionStoreLocation.MEMORY);
    }

    TestServer(Vertx vertx, Path dataDir, HttpSettings http, SessionStoreLocation sessions) {
        this(vertx, dataDir, http, sessions, UserDirectoryLocation.FILE);
    }

    TestServer(Vertx vertx, Path dataDir, HttpSettings http, SessionStoreLocation sessions, UserDirectoryLocation users) {
        this(vertx, dataDir, http, sessions, users, AccessRules.LOGGED_IN_USERS);
    }

    /** With these access rules for the forward-auth endpoints. */
    TestServer(Vertx vertx, Path dataDir, HttpSettings http, AccessRules rules) {
        this(vertx, dataDir, http, SessionStoreLocation.MEMORY, UserDirectoryLocation.FILE, rules);
    }

    TestServer(Vertx vertx, Path dataDir, HttpSettings http, SessionStoreLocation sessions, UserDirectoryLocation users, AccessRules rules) {
        this(vertx, dataDir, http, sessions, users, rules, SecondFactorRequirement.NONE);
    }

    /** With a second factor required of these users. */
    TestServer(Vertx vertx, Path dataDir, SecondFactorRequirement requirement) {
        this(vertx, dataDir, HttpSettings.defaults("127.0.0.1", 0), SessionStoreLocation.MEMORY, UserDirectoryLocation.FILE,
                AccessRules.LOGGED_IN_USERS, requirement);
    }

    TestServer(Vertx vertx, Path dataDir, HttpSettings http, SessionStoreLocation sessions, UserDirectoryLocation users, AccessRules rules,
               SecondFactorRequirement requirement) {
        this.dataDir = dataDir;
        ServerConfig config = new ServerConfig(http, dataDir, new SessionPolicy(IDLE, ABSOLUTE), ThrottlePolicy.DEFAULT, sessions, users,
                PasswordHashing.DEFAULT_ITERATIONS, null, null, Duration.ofMinutes(1), clock, "127.0.0.1", -1).withAccessRules(rules)
                .withSecondFactors(new SecondFactorSettings(requirement, Optional.empty()));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        running = Gatehouse.start(vertx, config, 1, new PrintStream(out, true, StandardCharsets.UTF_8)).await();
        console = out.toString(StandardCharsets.UTF_8);
        adminPassword = adminPasswordIn(console);
    }

    /** The first user's password as the first start printed it, or null. */
    static String adminPasswordIn(String console) {
        Matcher password = Pattern.compile("shown only once\\):\\s+(\\S+)").matcher(console);
        return password.find() ? password.group(1) : null;
    }

    int port() {
        return running.port();
    }

    /** The terminal's use cases over this server's own users file, session store and throttle. */
    Function<CoreSettings, TerminalCore> terminalCore() {
        UsersFileDirectory users = new UsersFileDirectory(dataDir.resolve("users.json"),
                new PasswordHashing(PasswordHashing.DEFAULT_ITERATIONS), 1);
        List<byte[]> keys;
        try {
            keys = Secrets.load(null, null, dataDir.resolve("secret"));
        } catch (Exception unreadable) {
            throw new IllegalStateException("the server's secret", unreadable);
        }
        return settings -> TerminalCores.assemble(users, running.stores(), true,
                new SessionPolicy(IDLE, ABSOLUTE), settings.secondFactors(), clock, keys, () -> { });
    }
}
