package dev.gatehouse.adapter.cli;

import dev.gatehouse.domain.PasswordPolicy;
import dev.gatehouse.domain.SessionPolicy;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

import java.nio.file.Path;
import java.time.Duration;

/**
 * The options every command that opens the core shares (a picocli mixin), so that the server and
 * the terminal read the same users and give sessions the same timeouts.
 */
public final class CoreOptions {

    @Option(names = "--data-dir", paramLabel = "DIR", scope = ScopeType.INHERIT, defaultValue = "gatehouse-data",
            description = "Where the users file (and the server's secret) live (default: ${DEFAULT-VALUE}).")
    Path dataDir;

    @Option(names = "--idle-timeout", paramLabel = "DURATION", scope = ScopeType.INHERIT, defaultValue = "30m",
            converter = DurationConverter.class,
            description = "A session ends after this long without a request (default: ${DEFAULT-VALUE}).")
    Duration idleTimeout;

    @Option(names = "--absolute-timeout", paramLabel = "DURATION", scope = ScopeType.INHERIT, defaultValue = "8h",
            converter = DurationConverter.class,
            description = "A session ends this long after login, however active (default: ${DEFAULT-VALUE}).")
    Duration absoluteTimeout;

    @Option(names = "--session-store", paramLabel = "STORE", scope = ScopeType.INHERIT, converter = SessionStoreLocation.Converter.class,
            defaultValue = "memory",
            description = "memory (inside each process) or redis://HOST:PORT, shared by every server and terminal (default: ${DEFAULT-VALUE}).")
    SessionStoreLocation sessionStore;

    @Option(names = "--user-directory", paramLabel = "USERS", scope = ScopeType.INHERIT, converter = UserDirectoryLocation.Converter.class,
            defaultValue = "file",
            description = "file (the users file of --data-dir) or postgresql://USER@HOST:PORT/DB, shared by every server and terminal "
                    + "(default: ${DEFAULT-VALUE}).")
    UserDirectoryLocation userDirectory;

    @Option(names = "--max-sessions-per-user", paramLabel = "N", scope = ScopeType.INHERIT, defaultValue = "" + SessionPolicy.DEFAULT_MAX_PER_USER,
            description = "The most sessions one user may hold at once; a login beyond that ends the user's oldest (default: ${DEFAULT-VALUE}).")
    int maxSessionsPerUser;

    @Option(names = "--hash-iterations", paramLabel = "N", scope = ScopeType.INHERIT, defaultValue = "" + PasswordPolicy.DEFAULT_HASH_ITERATIONS,
            description = "PBKDF2-HMAC-SHA512 iterations for new password hashes (default: ${DEFAULT-VALUE}, OWASP's figure).")
    int hashIterations;

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    public CoreSettings settings() {
        if (hashIterations < PasswordPolicy.MIN_HASH_ITERATIONS) {
            throw new ParameterException(spec.commandLine(), "hash-iterations below " + PasswordPolicy.MIN_HASH_ITERATIONS
                    + " would make stolen hashes cheap to crack.");
        }
        return new CoreSettings(dataDir, new SessionPolicy(idleTimeout, absoluteTimeout, maxSessionsPerUser), sessionStore, userDirectory,
                hashIterations);
    }
}
