package dev.gatehouse.app.config;

import dev.gatehouse.domain.SessionPolicy;

import java.nio.file.Path;
import java.util.Objects;

/**
 * What every command opens the core with: the data directory (users file), the session policy,
 * the session store, the user directory, and how many iterations a new password hash takes, so
 * that a user added at the terminal is hashed as the server would hash them.
 */
public record CoreSettings(Path dataDir, SessionPolicy sessionPolicy, SessionStoreLocation sessionStore,
                           UserDirectoryLocation userDirectory, int hashIterations) {

    public CoreSettings {
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(sessionPolicy, "sessionPolicy");
        Objects.requireNonNull(sessionStore, "sessionStore");
        Objects.requireNonNull(userDirectory, "userDirectory");
    }
}
