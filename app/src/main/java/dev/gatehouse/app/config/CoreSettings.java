package dev.gatehouse.app.config;


import dev.gatehouse.domain.SessionPolicy;


import java.nio.file.Path;
import java.util.Objects;

/**
 * What every command opens the core with: the data directory (users file), the session policy,
 * the session store, the user directory, and how many iterations a new password hash takes, so
 * that a user added at the terminal is hashed as the server would hash them.
 *
 * @param mayMakeUsersFile whether a missing users file is made (adding a user) rather than refused
 *                         as a sign of the wrong directory (everything else)
 * @param secondFactors who must have a second factor, at the server's logins and the terminal's, and the issuer apps show
 */
public record CoreSettings(Path dataDir, SessionPolicy sessionPolicy, SessionStoreLocation sessionStore,
                           UserDirectoryLocation userDirectory, int hashIterations, boolean mayMakeUsersFile,
                           SecondFactorSettings secondFactors) {

    public CoreSettings {
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(sessionPolicy, "sessionPolicy");
        Objects.requireNonNull(sessionStore, "sessionStore");
        Objects.requireNonNull(userDirectory, "userDirectory");
        Objects.requireNonNull(secondFactors, "secondFactors");
    }

    /** The same, for a command that may make the first user. */
    public CoreSettings makingUsersFile() {
        return new CoreSettings(dataDir, sessionPolicy, sessionStore, userDirectory, hashIterations, true, secondFactors);
    }

    /** The users file these settings point at, when users are kept in the data directory. */
    public Path usersFile() {
        return dataDir.resolve(ServerConfig.USERS_FILE);
    }
}
