package dev.gatehouse.app.wiring;

import dev.gatehouse.app.config.ServerConfig;
import dev.gatehouse.app.config.SessionStoreLocation;
import dev.gatehouse.app.config.UserDirectoryLocation;
import dev.gatehouse.adapter.vertx.driven.sealing.SecretSealer;
import dev.gatehouse.adapter.vertx.driven.webauthn.WebAuthnCeremonies;
import dev.gatehouse.adapter.vertx.web.CookieSettings;
import dev.gatehouse.adapter.vertx.web.Portal;
import dev.gatehouse.adapter.vertx.web.GatehouseRoutes;
import dev.gatehouse.adapter.vertx.web.HttpSettings;
import dev.gatehouse.adapter.vertx.web.MetricsEndpoints;
import dev.gatehouse.adapter.vertx.web.SessionCookie;
import dev.gatehouse.adapter.vertx.web.WebUseCases;
import dev.gatehouse.adapter.vertx.web.WebVerticle;
import dev.gatehouse.adapter.vertx.driven.audit.Slf4jAuditLog;
import dev.gatehouse.adapter.vertx.driven.metrics.Metrics;
import dev.gatehouse.adapter.vertx.driven.signing.HmacSigner;
import dev.gatehouse.adapter.vertx.driven.hashing.PasswordHashing;
import dev.gatehouse.adapter.vertx.driven.postgres.PostgresUserDirectory;
import dev.gatehouse.adapter.vertx.driven.Stores;
import dev.gatehouse.adapter.vertx.driven.UserDirectory;
import dev.gatehouse.adapter.vertx.driven.memory.EmbeddedStores;
import dev.gatehouse.adapter.vertx.driven.postgres.PostgresConnections;
import dev.gatehouse.adapter.vertx.driven.redis.RedisStores;
import dev.gatehouse.adapter.vertx.driven.file.UsersFileDirectory;
import dev.gatehouse.adapter.vertx.driven.blocklist.ZxcvbnBlocklist;
import dev.gatehouse.application.AddUser;
import dev.gatehouse.application.ThrottledAttempts;
import dev.gatehouse.domain.AuditLog;
import dev.gatehouse.domain.LoginThrottle;
import dev.gatehouse.domain.Password;
import dev.gatehouse.domain.PasswordBlocklist;
import dev.gatehouse.domain.SessionId;
import dev.gatehouse.domain.RememberedLogins;
import dev.gatehouse.domain.SessionPolicy;
import dev.gatehouse.domain.SessionRepository;
import dev.gatehouse.domain.Signer;
import dev.gatehouse.domain.ThrottlePolicy;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.healthchecks.HealthChecks;
import io.vertx.ext.healthchecks.Status;
import io.vertx.core.Handler;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.sqlclient.Pool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.PrintStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The composition root of the server and the embedded API: builds every part with {@code new} from
 * one {@link ServerConfig}, over the use cases {@link Core} assembles (as {@link TerminalCores} does
 * for the terminal), and keeps the stores tidy while it runs. {@code dev.gatehouse.app.Gatehouse} is
 * the public face of it.
 */
public final class Wiring {

    /** The server's log keeps the name operators know and filter on, the public face's, wherever the wiring lives. */
    private static final Logger LOG = LoggerFactory.getLogger("dev.gatehouse.app.Gatehouse");
    public static final String FIRST_USER = "admin";
    private static final long HEALTH_TIMEOUT_MS = 2_000;
    /** The table users are kept in, in PostgreSQL; made at start when it is missing. */
    public static final String POSTGRES_TABLE = "gatehouse_users";
    private static final AuditLog AUDIT = new Slf4jAuditLog();
    /** How soon a change to the users file made by another process ends the sessions it must end (S10). */
    static final Duration USERS_REFRESH = Duration.ofSeconds(1);
    /** How often the embedded stores write their snapshot: the most a crash can lose of the sessions begun since. */
    public static final Duration SNAPSHOT_INTERVAL = Duration.ofMinutes(1);
    /** How often what has ended since the last snapshot is written down: the most of them a machine's crash can undo. */
    private static final Duration JOURNAL_INTERVAL = Duration.ofSeconds(1);

    private final Vertx vertx;
    private final ServerConfig config;
    private final WebUseCases useCases;
    private final SessionCookie cookie;
    private final Stores stores;
    private final UserDirectory users;
    private final Metrics metrics;
    private final ThrottledAttempts throttled;
    private final WebVerticle.Health health;

    private Wiring(Vertx vertx, ServerConfig config, WebUseCases useCases, SessionCookie cookie, Stores stores, UserDirectory users, Metrics metrics,
                   ThrottledAttempts throttled, WebVerticle.Health health) {
        this.vertx = vertx;
        this.config = config;
        this.useCases = useCases;
        this.cookie = cookie;
        this.stores = stores;
        this.users = users;
        this.metrics = metrics;
        this.throttled = throttled;
        this.health = health;
    }

    /** Where a deployed server listens, and what to undeploy to stop it. */
    public record Listening(int port, String deploymentId, String url) {
    }

    /** Says in the log that the server is up, after anything the console says first (the first user's password). */
    public void announce(Listening listening) {
        LOG.info("Gatehouse is listening on {} (sessions: {})", listening.url(), config.sessionStore());
    }

    public Stores stores() {
        return stores;
    }

    public UserDirectory users() {
        return users;
    }

    /** Gatehouse's routes, for an application's own router. */
    public GatehouseRoutes routes() {
        return new GatehouseRoutes(config.http(), useCases, cookie);
    }

    /** Everything Gatehouse is made of, wired, before anything listens: the data directory checked, the secret read, the stores opened. */
    public static Future<Wiring> open(Vertx vertx, ServerConfig config) {
        return vertx.executeBlocking(() -> {
            DataDirectory.prepare(config.dataDir());
            DataDirectory.check(config.dataDir(), config.usersFile());
            if (config.userDirectory().postgresUrl().isEmpty() && Files.notExists(config.usersFile()) && Files.exists(config.secretFile())) {
                // Not a first start: the secret was made by one. Deleting the users file is the documented way back in, but it may be an accident.
                LOG.warn("The users file {} is missing, though this data directory has been used before: starting with no users but a new {}",
                        config.usersFile(), FIRST_USER);
            }
            return Secrets.load(config.secretFromEnvironment(), config.previousSecretsFromEnvironment(), config.secretFile());
        }).compose(secrets -> openUsers(vertx, config.userDirectory(), config.usersFile(), config.hashingIterations(),
                        Optional.of(new SecretSealer(secrets)))
                .compose(users -> wire(vertx, config, secrets, users)));
    }

    /** The configured user directory: the users file of the data directory, or a PostgreSQL every server and terminal shares. */
    static Future<UserDirectory> openUsers(Vertx vertx, UserDirectoryLocation location, Path usersFile, int hashingIterations,
                                           Optional<SecretSealer> sealer) {
        PasswordHashing hashing = new PasswordHashing(hashingIterations);
        int threads = Runtime.getRuntime().availableProcessors();
        if (location.postgresUrl().isEmpty()) {
            return vertx.executeBlocking(() -> new UsersFileDirectory(usersFile, hashing, threads, sealer));
        }
        Pool pool = PgBuilder.pool().connectingTo(PostgresConnections.options(location.postgresUrl().get(), location.password(),
                location.sslRootCert())).using(vertx).build();
        return PostgresUserDirectory.open(pool, POSTGRES_TABLE, hashing, threads, sealer).map(directory -> directory);
    }

    private static Future<Wiring> wire(Vertx vertx, ServerConfig config, List<byte[]> secrets, UserDirectory users) {
        Metrics metrics = new Metrics();
        // Metrics count every event; the log itself gets throttled logins counted per back-off window.
        ThrottledAttempts throttled = new ThrottledAttempts(AUDIT, config.clock());
        AuditLog audit = metrics.counting(throttled);
        SessionPolicy policy = config.sessionPolicy();
        Stores stores = openStores(vertx, config.sessionStore(), policy, config.throttlePolicy(), config.clock(), Optional.of(config));
        SessionRepository sessions = stores.sessions();
        metrics.sessionsCounted(stores::countSessions);
        RememberedLogins remembered = stores.remembered();
        Future<Integer> restored = vertx.executeBlocking(stores::restore);
        LoginThrottle throttle = stores.throttle();
        if (config.metricsPort() >= 0) {
            // Timed only when someone can read the times: otherwise every call pays nothing extra.
            sessions = metrics.timed(sessions);
            throttle = metrics.timed(throttle);
        }
        Signer signer = new HmacSigner(secrets);
        WebUseCases useCases = Core.assemble(new Core.Ports(users, sessions, throttle, remembered, signer, new SecretSealer(secrets), audit,
                blocklist(vertx), policy, config.rememberMeLifetime(), config.accessRules(), config.secondFactors().requirement(),
                config.secondFactors().issuer().orElseGet(() -> issuer(config.http())),
                config.clock())).web(new WebAuthnCeremonies(vertx));

        HttpSettings http = config.http();
        // Over our own TLS, or behind a trusted proxy that ends TLS, browsers see HTTPS and keep a Secure cookie.
        boolean secureContext = http.tls().isPresent() || isLoopback(http.host()) || !http.trustedProxies().isEmpty();
        if (!secureContext) {
            LOG.warn("Serving plain HTTP on {}: browsers drop Secure cookies there, so the session cookie is {} without "
                    + "Secure. Serve HTTPS with --tls-cert and --tls-key, or put Gatehouse behind a TLS-terminating proxy.", http.host(), CookieSettings.PLAIN_NAME);
        }
        // With cookie domains the session cookie is shared with the protected sites; the configuration made sure it is Secure there.
        SessionCookie cookie = new SessionCookie(http.portals().isEmpty() ? CookieSettings.forSecureContext(secureContext)
                : CookieSettings.sharedAcross(http.portals().stream().map(Portal::domain).toList()), signer);

        WebVerticle.Health health = health(vertx, sessions, config.sessionStore().mode(), users, config.userDirectory().mode());
        return restored.map(count -> {
            if (count > 0) {
                LOG.info("{} sessions read back from the last stop", count);
            }
            return new Wiring(vertx, config, useCases, cookie, stores, users, metrics, throttled, health);
        });
    }

    /**
     * What authenticator apps name the account after, unless {@code --issuer} says: the portal's
     * host where there is one (the name users see in their browser), otherwise the brand's name.
     */
    static String issuer(HttpSettings http) {
        return http.portals().stream().findFirst().map(portal -> URI.create(portal.origin()).getHost()).orElse(http.brand().name());
    }

    /** Deploys the web verticle on {@code eventLoops} event loops, then keeps the stores tidy and serves the metrics where configured. */
    public Future<Listening> listen(int eventLoops) {
        HttpSettings http = config.http();
        // Requests are timed only when someone can read the times: otherwise the greeting pays nothing.
        MetricsEndpoints endpoints = new MetricsEndpoints(metrics.registry(), metrics::beforeScrape);
        Handler<RoutingContext> observer = config.metricsPort() < 0 ? RoutingContext::next : endpoints.requestTimer();
        AtomicReference<WebVerticle> first = new AtomicReference<>();
        DeploymentOptions options = new DeploymentOptions().setInstances(eventLoops);
        return vertx.deployVerticle(() -> {
            WebVerticle verticle = new WebVerticle(http, useCases, cookie, health, observer);
            first.compareAndSet(null, verticle);
            return verticle;
        }, options).map(deploymentId -> {
            keepTidy();
            return new Listening(first.get().actualPort(), deploymentId, (http.tls().isPresent() ? "https" : "http") + "://"
                    + hostForUrl(http.host()) + ":" + first.get().actualPort() + "/");
        }).compose(listening -> metricsListener(vertx, config, endpoints).map(listening));
    }

    /**
     * Drops what has expired from the embedded stores, writes their snapshot every
     * {@link #SNAPSHOT_INTERVAL} and what ended since every second, and reads the users again, as
     * other processes change them.
     */
    public void keepTidy() {
        if (stores.keptInFiles()) {
            vertx.setPeriodic(JOURNAL_INTERVAL.toMillis(), timer -> vertx.executeBlocking(() -> {
                stores.noteEnded();
                return null;
            }).onFailure(failure -> LOG.warn("Could not note the sessions ended in the last second: {}", failure.getMessage())));
            vertx.setPeriodic(SNAPSHOT_INTERVAL.toMillis(), timer -> vertx.executeBlocking(stores::keep)
                    .onFailure(failure -> LOG.warn("Could not write the sessions' snapshot: {}", failure.getMessage())));
        }
        vertx.setPeriodic(config.reapInterval().toMillis(), timer -> {
            stores.sweep(config.clock().instant());
            throttled.drain();
        });
        // Changes that other processes make to the users file (gatehouse users ...) count within a second.
        vertx.setPeriodic(USERS_REFRESH.toMillis(), timer -> users.refresh().whenComplete((done, failure) -> {
            if (failure != null) {
                LOG.warn("Could not read the users again: {}", failure.getMessage());
            }
        }));
    }

    /** The embedded stores write their snapshots (mode 0600, hashes only) and say what they kept, or what was lost; Redis keeps its own. */
    public Future<Void> keepForNextStart() {
        if (!stores.keptInFiles()) {
            return Future.succeededFuture();
        }
        return vertx.executeBlocking(stores::keep).onComplete(kept -> {
            if (kept.succeeded()) {
                kept.result().ifPresent(what -> LOG.info("Stopped; {} sessions and {} remembered logins kept in {} for the next start ({} ms)",
                        what.sessions(), what.logins(), config.dataDir(), what.millis()));
            } else {
                LOG.error("Stopped, but the sessions could not be written ({}): the next start reads the snapshot of the last {} "
                        + "and ends again what was logged out since", kept.cause().getMessage(), SNAPSHOT_INTERVAL.toSeconds() + " s");
            }
        }).mapEmpty();
    }

    /** The metrics, on a listener of their own (never the public one), when a port is configured. */
    private static Future<Void> metricsListener(Vertx vertx, ServerConfig config, MetricsEndpoints metrics) {
        if (config.metricsPort() < 0) {
            return Future.succeededFuture();
        }
        Router router = Router.router(vertx);
        router.get("/metrics").handler(metrics.scrape());
        return vertx.createHttpServer().requestHandler(router).listen(config.metricsPort(), config.metricsHost())
                .onSuccess(server -> LOG.info("Metrics at http://{}:{}/metrics", hostForUrl(config.metricsHost()), server.actualPort()))
                .mapEmpty();
    }

    /** Live: the process answers. Ready: the session store and the user directory answer too (each within 2 s). */
    /**
     * Ready when the session store (its master, through Sentinels) and the user directory answer:
     * each check says the store's kind, and, when it fails, why.
     */
    private static WebVerticle.Health health(Vertx vertx, SessionRepository sessions, String sessionStoreMode, UserDirectory users,
                                             String userDirectoryMode) {
        HealthChecks live = HealthChecks.create(vertx).register("process", alive -> alive.complete(Status.OK()));
        HealthChecks ready = HealthChecks.create(vertx)
                .register("sessions", HEALTH_TIMEOUT_MS, check -> answered(vertx, sessions.load(SessionId.generate()), sessionStoreMode, check))
                .register("users", HEALTH_TIMEOUT_MS, check -> answered(vertx, users.refresh(), userDirectoryMode, check));
        return new WebVerticle.Health(live, ready);
    }

    private static void answered(Vertx vertx, CompletionStage<?> probe, String mode, Promise<Status> check) {
        Future.fromCompletionStage(probe, vertx.getOrCreateContext()).onComplete(outcome -> check.complete(outcome.succeeded()
                ? Status.OK(new JsonObject().put("mode", mode))
                : Status.KO(new JsonObject().put("mode", mode).put("reason", reason(outcome.cause())))));
    }

    /** Why a store does not answer, in words an operator can act on; never a message of its own, which might name a secret. */
    static String reason(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            String message = String.valueOf(cause.getMessage());
            // A cluster client folds each node's failure into one message of its own.
            if (cause instanceof javax.net.ssl.SSLException || message.contains("PKIX") || message.contains("certificate")
                    || message.contains("SSLHandshakeException")) {
                return "the TLS handshake failed: its certificate is not one this server trusts (--session-store-ca, sslrootcert), or not for its name";
            }
            if (message.contains("WRONGPASS") || message.contains("NOAUTH") || message.contains("password authentication failed")) {
                return "it refused the credentials (the password, or the user)";
            }
        }
        return "does not answer";
    }

    /** @param server the server's configuration, whose data directory keeps the embedded stores; empty for a terminal's own stores */
    public static Stores openStores(Vertx vertx, SessionStoreLocation location, SessionPolicy policy, ThrottlePolicy throttlePolicy,
                             Clock clock, Optional<ServerConfig> server) {
        if (location.cluster()) {
            return RedisStores.cluster(vertx, location.clusterNodes(), location.aclUser(), location.password(), location.certificateAuthority(),
                    policy, throttlePolicy, clock);
        }
        if (location.sentinel()) {
            return RedisStores.watchedBySentinels(vertx, location.sentinels(), location.masterName(), location.aclUser(), location.password(),
                    location.certificateAuthority(), policy, throttlePolicy, clock);
        }
        if (location.redisUrl().isPresent()) {
            return new RedisStores(vertx, location.redisUrl().get(), location.password(), location.certificateAuthority(), policy, throttlePolicy,
                    clock);
        }
        return server.map(config -> EmbeddedStores.keptIn(new EmbeddedStores.SnapshotFiles(config.snapshotFile(), config.rememberedSnapshotFile(),
                        config.endedJournalFile()), policy, throttlePolicy, clock))
                .orElseGet(() -> EmbeddedStores.forThisProcess(policy, throttlePolicy, clock));
    }

    /**
     * On the very first start, with no users yet: creates {@value #FIRST_USER} with a long random
     * password and prints that password once to {@code console}.
     */
    public Future<Void> createFirstUserIfNone(PrintStream console, String loginPage) {
        return Future.fromCompletionStage(users.list(), vertx.getOrCreateContext()).compose(names -> {
            if (!names.isEmpty()) {
                return Future.succeededFuture();
            }
            String password = randomPassword();
            return Future.fromCompletionStage(new AddUser(users, blocklist(vertx), AUDIT).add(FIRST_USER, Password.of(password)), vertx.getOrCreateContext())
                    .map(result -> result.<Void>fold(added -> {
                        console.println();
                        console.println("  First start: created the user '" + FIRST_USER + "' with this password (shown only once):");
                        console.println();
                        console.println("      " + password);
                        console.println();
                        console.println("  Next: open " + loginPage + " and log in as " + FIRST_USER + ",");
                        console.println("  or at this terminal: ./gatehouse login --user " + FIRST_USER);
                        console.println("  Add more users with: ./gatehouse users add NAME");
                        console.println();
                        return null;
                    }, anotherServerWasFirst -> null, invalid -> {
                        throw new IllegalStateException("the first user's name was refused: " + invalid.reason());
                    }, weak -> {
                        throw new IllegalStateException("the first user's generated password was refused: " + weak.problem().explanation());
                    }));
        });
    }

    /** The blocklist, looking on Vert.x's worker threads: it takes milliseconds, too long for an event loop. */
    static PasswordBlocklist blocklist(Vertx vertx) {
        return new ZxcvbnBlocklist(task -> vertx.executeBlocking(() -> {
            task.run();
            return null;
        }, false));
    }

    private static String randomPassword() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Browsers treat loopback as a secure context even over plain HTTP, so Secure cookies work there. */
    static boolean isLoopback(String host) {
        if (host.equalsIgnoreCase("localhost")) {
            return true;
        }
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException unknown) {
            return false;
        }
    }

    private static String hostForUrl(String host) {
        return host.contains(":") ? "[" + host + "]" : host;
    }
}
