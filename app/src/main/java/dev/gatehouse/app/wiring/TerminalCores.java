package dev.gatehouse.app.wiring;

import dev.gatehouse.app.config.CoreSettings;
import dev.gatehouse.app.Gatehouse;
import dev.gatehouse.adapter.cli.TerminalCore;
import dev.gatehouse.adapter.vertx.web.Brand;
import dev.gatehouse.app.config.SecondFactorSettings;
import dev.gatehouse.adapter.vertx.driven.audit.Slf4jAuditLog;
import dev.gatehouse.adapter.vertx.driven.signing.HmacSigner;
import dev.gatehouse.adapter.vertx.driven.hashing.PasswordHashing;
import dev.gatehouse.adapter.vertx.driven.Stores;
import dev.gatehouse.adapter.vertx.driven.sealing.SecretSealer;
import dev.gatehouse.adapter.vertx.driven.UserDirectory;
import dev.gatehouse.adapter.vertx.driven.memory.EmbeddedStores;
import dev.gatehouse.adapter.vertx.driven.file.UsersFileDirectory;
import dev.gatehouse.adapter.vertx.driven.blocklist.ZxcvbnBlocklist;
import dev.gatehouse.application.ExplainAccess;
import dev.gatehouse.application.RememberMe;
import dev.gatehouse.domain.SessionPolicy;
import dev.gatehouse.domain.access.AccessRules;
import dev.gatehouse.domain.ThrottlePolicy;
import io.vertx.core.Vertx;

import java.time.Clock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Wires the terminal's use cases over the stores, as {@link Gatehouse} wires the web's. */
public final class TerminalCores {

    private TerminalCores() {
    }

    /**
     * For a command in its own process: the configured user directory (the users file of the data
     * directory, or PostgreSQL) and session store. In memory, those sessions are this process's own,
     * not the server's, so the sessions commands are not offered; in Redis they are everybody's.
     */
    public static TerminalCore open(CoreSettings settings) {
        return open(settings, dataDir -> { });
    }

    /**
     * The same, running {@code beforeOpening} on the data directory once the settings have been
     * found to point at users (the launcher sends its log there). A users file that is not where
     * the settings say is refused before anything is made in what may be the wrong directory.
     */
    public static TerminalCore open(CoreSettings settings, Consumer<Path> beforeOpening) {
        Path usersFile = settings.usersFile().toAbsolutePath();
        if (!settings.mayMakeUsersFile() && settings.userDirectory().postgresUrl().isEmpty() && Files.notExists(usersFile)) {
            // Most often run from another directory than the server: say where we looked rather than answer from an empty file.
            throw new UncheckedIOException(new IOException("there is no users file at " + usersFile + ". Run this where `gatehouse serve` "
                    + "runs or give its --data-dir; `gatehouse users add NAME` makes the first user."));
        }
        beforeOpening.accept(settings.dataDir());
        DataDirectory.prepare(settings.dataDir());
        Clock clock = Clock.systemUTC();
        Optional<List<byte[]>> secrets = serverSecrets(settings);
        Optional<SecretSealer> sealer = secrets.map(SecretSealer::new);
        if (!settings.sessionStore().shared() && settings.userDirectory().postgresUrl().isEmpty()) {
            UsersFileDirectory users = new UsersFileDirectory(settings.usersFile(),
                    new PasswordHashing(settings.hashIterations()), 1, sealer);
            // In memory, the stores are this process's: one terminal's failures slow its own later attempts.
            // Nothing to release: the hashing threads are daemons that end when idle.
            return assemble(users, EmbeddedStores.forThisProcess(settings.sessionPolicy(), ThrottlePolicy.DEFAULT, clock), false,
                    settings.sessionPolicy(), settings.secondFactors(), clock, keys(secrets), keepReading(users));
        }
        // A shared store needs Vert.x's clients: a Vert.x of this command's own, closed with it.
        Vertx vertx = Vertx.vertx();
        UserDirectory users = Wiring.openUsers(vertx, settings.userDirectory(), settings.usersFile(),
                settings.hashIterations(), sealer).toCompletionStage().toCompletableFuture().join();
        Stores stores = Wiring.openStores(vertx, settings.sessionStore(), settings.sessionPolicy(), ThrottlePolicy.DEFAULT, clock,
                Optional.empty());
        Runnable stopReading = keepReading(users);
        return assemble(users, stores, stores.shared(), settings.sessionPolicy(), settings.secondFactors(), clock, keys(secrets), () -> {
            stopReading.run();
            vertx.close().toCompletionStage().toCompletableFuture().join();
        });
    }

    /**
     * Reads the users again every second, as the server does, so that a password changed or a user
     * disabled by another process ends a {@code gatehouse login} session here too (S10). Returns
     * what stops it.
     */
    private static Runnable keepReading(UserDirectory users) {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "gatehouse-users-refresh");
            thread.setDaemon(true);
            return thread;
        });
        long every = Wiring.USERS_REFRESH.toMillis();
        timer.scheduleWithFixedDelay(() -> users.refresh().toCompletableFuture().exceptionally(failure -> null).join(),
                every, every, TimeUnit.MILLISECONDS);
        return timer::shutdownNow;
    }

    /**
     * The server's secrets, current first, when this process may read them: they sign the
     * terminal's device tokens and open the authenticator secrets. Empty where they cannot be had
     * (refused, unreadable): the terminal is then a stranger to every account, and second factors
     * can be neither set nor read here.
     */
    private static Optional<List<byte[]>> serverSecrets(CoreSettings settings) {
        try {
            return Optional.of(Secrets.load(System.getenv("GATEHOUSE_SECRET"), System.getenv("GATEHOUSE_PREVIOUS_SECRETS"),
                    settings.dataDir().resolve("secret")));
        } catch (Secrets.Refused | IOException | RuntimeException unusable) {
            return Optional.empty();
        }
    }

    /**
     * What signs the terminal's device tokens and seals an enrolment in progress: the server's
     * secrets, or, without them, a key of this process's own (throttled as a stranger).
     */
    private static List<byte[]> keys(Optional<List<byte[]>> secrets) {
        return secrets.orElseGet(() -> {
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            return List.of(key);
        });
    }

    /**
     * The use cases over the given stores. {@code sessionsShared} says whether the session store is
     * the one the server uses, which is what makes listing and revoking sessions mean anything.
     */
    public static TerminalCore assemble(UserDirectory users, Stores stores, boolean sessionsShared, SessionPolicy policy,
                                        SecondFactorSettings secondFactors, Clock clock, List<byte[]> keys, Runnable onClose) {
        // A terminal command has nothing else to do while the blocklist looks, so it looks right there.
        Core core = Core.assemble(new Core.Ports(users, stores.sessions(), stores.throttle(), stores.remembered(), new HmacSigner(keys),
                new SecretSealer(keys), new Slf4jAuditLog(), new ZxcvbnBlocklist(Runnable::run), policy, RememberMe.DEFAULT_LIFETIME,
                AccessRules.LOGGED_IN_USERS, secondFactors.requirement(), secondFactors.issuer().orElse(Brand.DEFAULT.name()), clock));
        TerminalCore.UserAdministration userAdministration = core.userAdministration();
        TerminalCore.LoginUseCases login = core.terminalLogin();
        Optional<TerminalCore.SessionAdministration> sessionAdministration = sessionsShared ? Optional.of(core.sessionAdministration()) : Optional.empty();
        return new TerminalCore() {
            @Override
            public UserAdministration users() {
                return userAdministration;
            }

            @Override
            public LoginUseCases login() {
                return login;
            }

            @Override
            public Optional<SessionAdministration> sessions() {
                return sessionAdministration;
            }

            @Override
            public ExplainAccess explainAccess(AccessRules rules) {
                return new ExplainAccess(users, rules);
            }

            @Override
            public void close() {
                onClose.run();
            }
        };
    }
}
