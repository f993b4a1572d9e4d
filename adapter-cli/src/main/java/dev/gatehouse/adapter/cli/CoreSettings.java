package dev.gatehouse.adapter.cli;

import dev.gatehouse.domain.SessionPolicy;

import java.nio.file.Path;
import java.util.Objects;

/** What the commands open the core with: the data directory (users file), the session timeouts and the session store. */
public record CoreSettings(Path dataDir, SessionPolicy sessionPolicy, SessionStoreLocation sessionStore,
                           UserDirectoryLocation userDirectory) {

    public CoreSettings {
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(sessionPolicy, "sessionPolicy");
        Objects.requireNonNull(sessionStore, "sessionStore");
        Objects.requireNonNull(userDirectory, "userDirectory");
    }
}
