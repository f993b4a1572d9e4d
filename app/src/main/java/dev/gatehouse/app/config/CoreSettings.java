package dev.gatehouse.app.config;

import dev.gatehouse.domain.SessionPolicy;

import java.io.IOException;
import java.nio.file.Files;

import java.nio.file.Path;
import java.util.Objects;

/**
 * What every command opens the core with: the data directory (users file), the session policy,
 * the session store, the user directory, and how many iterations a new password hash takes, so
 * that a user added at the terminal is hashed as the server would hash them.
 *
 * @param mayMakeUsersFile whether a missing users file is made (adding a user) rather than refused
 *                         as a sign of the wrong directory (everything else)
 */
public record CoreSettings(Path dataDir, SessionPolicy sessionPolicy, SessionStoreLocation sessionStore,
                           UserDirectoryLocation userDirectory, int hashIterations, boolean mayMakeUsersFile) {

    public CoreSettings {
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(sessionPolicy, "sessionPolicy");
        Objects.requireNonNull(sessionStore, "sessionStore");
        Objects.requireNonNull(userDirectory, "userDirectory");
    }

    /** The same, for a command that may make the first user. */
    public CoreSettings makingUsersFile() {
        return new CoreSettings(dataDir, sessionPolicy, sessionStore, userDirectory, hashIterations, true);
    }

    /** The users file these settings point at, when users are kept in the data directory. */
    public Path usersFile() {
        return dataDir.resolve(ServerConfig.USERS_FILE);
    }

    /**
     * Refuses settings that point at a users file that is not there (most often: run from another
     * directory than the server), saying where it looked, before anything is made there.
     */
    public void requireUsersFile() throws IOException {
        if (!mayMakeUsersFile && userDirectory.postgresUrl().isEmpty() && Files.notExists(usersFile())) {
            throw new IOException("there is no users file at "
                    + usersFile().toAbsolutePath() + ". Run this where `gatehouse serve` runs or give its --data-dir; "
                    + "`gatehouse users add NAME` makes the first user.");
        }
    }
}
