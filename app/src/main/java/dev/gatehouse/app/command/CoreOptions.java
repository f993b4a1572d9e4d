package dev.gatehouse.app.command;

import dev.gatehouse.adapter.cli.UsersCommand;
import dev.gatehouse.domain.Group;
import dev.gatehouse.domain.access.SecondFactorRequirement;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import dev.gatehouse.app.config.SessionStoreLocation;
import dev.gatehouse.app.config.StoreUrls;
import dev.gatehouse.app.config.UserDirectoryLocation;
import dev.gatehouse.app.config.CoreSettings;
import dev.gatehouse.app.config.SecondFactorSettings;
import dev.gatehouse.adapter.cli.DurationConverter;
import dev.gatehouse.adapter.cli.TerminalCore;
import dev.gatehouse.domain.PasswordPolicy;
import dev.gatehouse.domain.SessionPolicy;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.TypeConversionException;

import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Function;

/**
 * The options every command that opens the core shares (a picocli mixin), so that the server and
 * the terminal read the same users and give sessions the same timeouts.
 */
public class CoreOptions {

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

    @Option(names = "--session-store", paramLabel = "STORE", scope = ScopeType.INHERIT, converter = SessionStoreConverter.class,
            defaultValue = "memory",
            description = "memory (inside each process), or a Redis that every server and terminal shares: redis://HOST:PORT "
                    + "(rediss:// for TLS), redis-sentinel://HOST:PORT,.../MASTER-NAME or redis-cluster://HOST:PORT,... (rediss-sentinel://, "
                    + "rediss-cluster:// for TLS) (default: ${DEFAULT-VALUE}).")
    SessionStoreLocation sessionStore;

    @Option(names = "--user-directory", paramLabel = "USERS", scope = ScopeType.INHERIT, converter = UserDirectoryConverter.class,
            defaultValue = "file",
            description = "file (the users file of --data-dir), or a PostgreSQL that every server and terminal shares: "
                    + "postgresql://USER@HOST/DB, with ?sslmode=verify-full&sslrootcert=CA.crt for TLS (default: ${DEFAULT-VALUE}).")
    UserDirectoryLocation userDirectory;

    @Option(names = "--max-sessions-per-user", paramLabel = "N", scope = ScopeType.INHERIT, defaultValue = "" + SessionPolicy.DEFAULT_MAX_PER_USER,
            description = "The most sessions one user may hold at once; a login beyond that ends the user's oldest (default: ${DEFAULT-VALUE}).")
    int maxSessionsPerUser;

    @Option(names = "--hash-iterations", paramLabel = "N", scope = ScopeType.INHERIT, defaultValue = "" + PasswordPolicy.DEFAULT_HASH_ITERATIONS,
            description = "PBKDF2-HMAC-SHA512 iterations for new password hashes (default: ${DEFAULT-VALUE}, OWASP's figure).")
    int hashIterations;

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(names = "--require-second-factor", scope = ScopeType.INHERIT,
            description = "Every user must have a second factor: one without sets it up right after the next password login, before "
                    + "anything else (default: only whom a two_factor access rule asks it of).")
    boolean requireSecondFactor;

    @Option(names = "--require-second-factor-for", paramLabel = "GROUP", scope = ScopeType.INHERIT, split = ",",
            converter = UsersCommand.GroupConverter.class,
            description = "The members of these groups must have a second factor, as --require-second-factor makes everyone (repeatable).")
    List<Group> requireSecondFactorFor = new ArrayList<>();

    @Option(names = "--issuer", paramLabel = "NAME", scope = ScopeType.INHERIT,
            description = "The name authenticator apps show the account under, beside the username (default: the portal's host, "
                    + "or the brand's name).")
    String issuer;

    @Option(names = "--session-store-password-file", paramLabel = "FILE", scope = ScopeType.INHERIT,
            description = "A file whose first line is the Redis password (default: GATEHOUSE_REDIS_PASSWORD, else none). "
                    + "Never in the URL on the command line: every user of the machine can read that in the process list.")
    Path sessionStorePasswordFile;

    @Option(names = "--user-directory-password-file", paramLabel = "FILE", scope = ScopeType.INHERIT,
            description = "A file whose first line is the PostgreSQL password (default: GATEHOUSE_USER_DIRECTORY_PASSWORD, else none). "
                    + "Never in the URL on the command line: every user of the machine can read that in the process list.")
    Path userDirectoryPasswordFile;

    @Option(names = "--session-store-ca", paramLabel = "FILE", scope = ScopeType.INHERIT,
            description = "For a rediss://, rediss-sentinel:// or rediss-cluster:// session store, the certificate (PEM) of the CA that "
                    + "signed Redis's, as for a private CA (default: the system's trusted CAs).")
    Path sessionStoreCa;

    public CoreSettings settings() {
        if (hashIterations < PasswordPolicy.MIN_HASH_ITERATIONS) {
            throw new ParameterException(spec.commandLine(), "hash-iterations below " + PasswordPolicy.MIN_HASH_ITERATIONS
                    + " would make stolen hashes cheap to crack.");
        }
        return new CoreSettings(dataDir, new SessionPolicy(idleTimeout, absoluteTimeout, maxSessionsPerUser), sessionStoreWithPassword(), userDirectoryWithPassword(),
                hashIterations, false, new SecondFactorSettings(new SecondFactorRequirement(requireSecondFactor, Set.copyOf(requireSecondFactorFor)),
                Optional.ofNullable(issuer).map(String::strip).filter(name -> !name.isEmpty())));
    }

    /** For the terminal's commands: the same options, and the core they open through the composition root. */
    static final class ForTerminal extends CoreOptions implements TerminalCore.Access {

        private final Function<CoreSettings, TerminalCore> opener;

        ForTerminal(Function<CoreSettings, TerminalCore> opener) {
            this.opener = opener;
        }

        @Override
        public TerminalCore open() {
            return opener.apply(settings());
        }

        @Override
        public TerminalCore openToAddUsers() {
            return opener.apply(settings().makingUsersFile());
        }

        @Override
        public Path dataDir() {
            return dataDir;
        }
    }

    /** Reads {@code --session-store}. */
    static final class SessionStoreConverter implements ITypeConverter<SessionStoreLocation> {
        @Override
        public SessionStoreLocation convert(String text) {
            try {
                return SessionStoreLocation.parse(text);
            } catch (IllegalArgumentException notAStore) {
                throw new TypeConversionException("'" + StoreUrls.masked(text) + "' is not a session store: use memory, redis://HOST:PORT, "
                        + "redis-sentinel://HOST:PORT,HOST:PORT/MASTER-NAME or redis-cluster://HOST:PORT,HOST:PORT");
            }
        }
    }

    /**
     * The session store, with its password from the file or the environment, read once, here. A
     * password written into the URL on the command line is refused: {@code ps} shows it to anyone.
     */
    private SessionStoreLocation sessionStoreWithPassword() {
        SessionStoreLocation store = sessionStoreCa == null ? sessionStore : sessionStore.withCertificateAuthority(sessionStoreCa);
        refuseSecretInUrl(store.passwordInUrl(), "--session-store", "GATEHOUSE_REDIS_PASSWORD", "--session-store-password-file");
        return secret(sessionStorePasswordFile, "--session-store-password-file", "GATEHOUSE_REDIS_PASSWORD").map(store::withPassword).orElse(store);
    }

    /** The user directory, with its password read as the session store's is. */
    private UserDirectoryLocation userDirectoryWithPassword() {
        refuseSecretInUrl(userDirectory.passwordInUrl(), "--user-directory", "GATEHOUSE_USER_DIRECTORY_PASSWORD", "--user-directory-password-file");
        return secret(userDirectoryPasswordFile, "--user-directory-password-file", "GATEHOUSE_USER_DIRECTORY_PASSWORD")
                .map(userDirectory::withPassword).orElse(userDirectory);
    }

    private void refuseSecretInUrl(boolean inUrl, String option, String environment, String fileOption) {
        if (inUrl && spec.commandLine().getParseResult() != null && spec.commandLine().getParseResult().hasMatchedOption(option)) {
            throw new ParameterException(spec.commandLine(), option.substring(2) + " has a password in its URL, which every user of this "
                    + "machine can read in the process list. Give it in " + environment + " or " + fileOption + " instead.");
        }
    }

    /** A password: the first line of the file when one is given, else the environment's; none when neither says. */
    private Optional<String> secret(Path file, String fileOption, String environment) {
        if (file != null) {
            try {
                String first = Files.readAllLines(file, StandardCharsets.UTF_8).stream().findFirst().orElse("").strip();
                if (first.isEmpty()) {
                    throw new ParameterException(spec.commandLine(), fileOption.substring(2) + " " + file + " is empty.");
                }
                return Optional.of(first);
            } catch (IOException unreadable) {
                throw new ParameterException(spec.commandLine(), fileOption.substring(2) + " " + file + " cannot be read ("
                        + unreadable.getClass().getSimpleName() + ").");
            }
        }
        String fromEnvironment = ConfigDefaults.of(spec.commandLine()).environment(environment);
        return fromEnvironment == null || fromEnvironment.isEmpty() ? Optional.empty() : Optional.of(fromEnvironment);
    }

    /** Reads {@code --user-directory}. */
    static final class UserDirectoryConverter implements ITypeConverter<UserDirectoryLocation> {
        @Override
        public UserDirectoryLocation convert(String text) {
            try {
                return UserDirectoryLocation.parse(text);
            } catch (IllegalArgumentException notADirectory) {
                throw new TypeConversionException("'" + StoreUrls.masked(text) + "' is not a user directory (" + notADirectory.getMessage()
                        + "): use file or postgresql://USER@HOST:PORT/DB");
            }
        }
    }
}
