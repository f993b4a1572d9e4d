package dev.gatehouse.app.config;

import dev.gatehouse.adapter.vertx.web.HttpSettings;
import dev.gatehouse.application.RememberMe;
import dev.gatehouse.domain.PasswordPolicy;
import dev.gatehouse.domain.SessionPolicy;
import dev.gatehouse.domain.ThrottlePolicy;
import dev.gatehouse.domain.access.AccessRules;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

/**
 * Everything a server is started with. The defaults are the embedded ones: in-memory sessions,
 * a users file and a generated secret under {@code ./gatehouse-data}.
 *
 * @param http                  where to listen, and the limits every request is held to
 * @param secretFromEnvironment the value of {@code GATEHOUSE_SECRET}, or null to use (or create) the secret file
 * @param previousSecretsFromEnvironment the value of {@code GATEHOUSE_PREVIOUS_SECRETS} (comma-separated), or null
 * @param metricsPort           where /metrics is served (on {@code metricsHost}), or -1 for nowhere
 * @param reapInterval           how often expired sessions and idle throttle counters are dropped from memory
 * @param rememberMeLifetime     how long a "remember me" login lasts from the login that asked for it
 */
public record ServerConfig(HttpSettings http, Path dataDir, SessionPolicy sessionPolicy, ThrottlePolicy throttlePolicy,
                           SessionStoreLocation sessionStore, UserDirectoryLocation userDirectory, int hashingIterations, String secretFromEnvironment, String previousSecretsFromEnvironment,
                           Duration reapInterval, Clock clock, String metricsHost, int metricsPort, Duration rememberMeLifetime,
                           AccessRules accessRules, SecondFactorSettings secondFactors) {

    /** With a second factor required of nobody but whom the access rules ask two factors of. */
    public ServerConfig(HttpSettings http, Path dataDir, SessionPolicy sessionPolicy, ThrottlePolicy throttlePolicy,
                        SessionStoreLocation sessionStore, UserDirectoryLocation userDirectory, int hashingIterations, String secretFromEnvironment,
                        String previousSecretsFromEnvironment, Duration reapInterval, Clock clock, String metricsHost, int metricsPort,
                        Duration rememberMeLifetime, AccessRules accessRules) {
        this(http, dataDir, sessionPolicy, throttlePolicy, sessionStore, userDirectory, hashingIterations, secretFromEnvironment,
                previousSecretsFromEnvironment, reapInterval, clock, metricsHost, metricsPort, rememberMeLifetime, accessRules,
                SecondFactorSettings.DEFAULT);
    }

    /** Without access rules: any logged-in user passes the forward-auth endpoints. */
    public ServerConfig(HttpSettings http, Path dataDir, SessionPolicy sessionPolicy, ThrottlePolicy throttlePolicy,
                        SessionStoreLocation sessionStore, UserDirectoryLocation userDirectory, int hashingIterations, String secretFromEnvironment,
                        String previousSecretsFromEnvironment, Duration reapInterval, Clock clock, String metricsHost, int metricsPort,
                        Duration rememberMeLifetime) {
        this(http, dataDir, sessionPolicy, throttlePolicy, sessionStore, userDirectory, hashingIterations, secretFromEnvironment,
                previousSecretsFromEnvironment, reapInterval, clock, metricsHost, metricsPort, rememberMeLifetime, AccessRules.LOGGED_IN_USERS);
    }

    /** With remembered logins lasting {@link RememberMe#DEFAULT_LIFETIME}. */
    public ServerConfig(HttpSettings http, Path dataDir, SessionPolicy sessionPolicy, ThrottlePolicy throttlePolicy,
                        SessionStoreLocation sessionStore, UserDirectoryLocation userDirectory, int hashingIterations, String secretFromEnvironment,
                        String previousSecretsFromEnvironment, Duration reapInterval, Clock clock, String metricsHost, int metricsPort) {
        this(http, dataDir, sessionPolicy, throttlePolicy, sessionStore, userDirectory, hashingIterations, secretFromEnvironment,
                previousSecretsFromEnvironment, reapInterval, clock, metricsHost, metricsPort, RememberMe.DEFAULT_LIFETIME);
    }

    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 8080;
    public static final String USERS_FILE = "users.json";

    public Path usersFile() {
        return dataDir.resolve(USERS_FILE);
    }

    public Path secretFile() {
        return dataDir.resolve("secret");
    }

    /**
     * The embedded defaults, for an application that embeds Gatehouse ({@link Gatehouse#embed}):
     * sessions in memory, users and the secret (or {@code GATEHOUSE_SECRET}) in {@code dataDir},
     * the default timeouts, limits and throttle, no metrics listener.
     */
    public static ServerConfig defaults(Path dataDir) {
        return new ServerConfig(HttpSettings.defaults(DEFAULT_HOST, DEFAULT_PORT), dataDir, SessionPolicy.DEFAULT, ThrottlePolicy.DEFAULT,
                SessionStoreLocation.MEMORY, UserDirectoryLocation.FILE, PasswordPolicy.DEFAULT_HASH_ITERATIONS, System.getenv("GATEHOUSE_SECRET"),
                System.getenv("GATEHOUSE_PREVIOUS_SECRETS"), Duration.ofMinutes(1), Clock.systemUTC(), DEFAULT_HOST, -1, RememberMe.DEFAULT_LIFETIME,
                AccessRules.LOGGED_IN_USERS);
    }

    /** The same, with other HTTP settings (the host the application listens on, trusted proxies, TLS, limits). */
    public ServerConfig withHttp(HttpSettings settings) {
        return new ServerConfig(settings, dataDir, sessionPolicy, throttlePolicy, sessionStore, userDirectory, hashingIterations, secretFromEnvironment,
                previousSecretsFromEnvironment, reapInterval, clock, metricsHost, metricsPort, rememberMeLifetime, accessRules, secondFactors);
    }

    /** The same, with these access rules for the forward-auth endpoints. */
    public ServerConfig withAccessRules(AccessRules rules) {
        return new ServerConfig(http, dataDir, sessionPolicy, throttlePolicy, sessionStore, userDirectory, hashingIterations, secretFromEnvironment,
                previousSecretsFromEnvironment, reapInterval, clock, metricsHost, metricsPort, rememberMeLifetime, rules, secondFactors);
    }

    /** The same, with these second factor settings (who must have one, the issuer). */
    public ServerConfig withSecondFactors(SecondFactorSettings requirement) {
        return new ServerConfig(http, dataDir, sessionPolicy, throttlePolicy, sessionStore, userDirectory, hashingIterations, secretFromEnvironment,
                previousSecretsFromEnvironment, reapInterval, clock, metricsHost, metricsPort, rememberMeLifetime, accessRules, requirement);
    }

    /** The same, on another clock (tests move time instead of waiting for it). */
    public ServerConfig withClock(Clock other) {
        return new ServerConfig(http, dataDir, sessionPolicy, throttlePolicy, sessionStore, userDirectory, hashingIterations, secretFromEnvironment,
                previousSecretsFromEnvironment, reapInterval, other, metricsHost, metricsPort, rememberMeLifetime, accessRules, secondFactors);
    }

    /** Where the embedded store keeps remembered logins between a stop and the next start. */
    public Path rememberedSnapshotFile() {
        return dataDir.resolve("remembered.snapshot");
    }

    /** Where the embedded stores note what has ended since their last snapshot, so a crash never undoes a logout. */
    public Path endedJournalFile() {
        return dataDir.resolve("ended.journal");
    }

    /** Where the embedded session store keeps its sessions between a stop and the next start. */
    public Path snapshotFile() {
        return dataDir.resolve("sessions.snapshot");
    }
}
