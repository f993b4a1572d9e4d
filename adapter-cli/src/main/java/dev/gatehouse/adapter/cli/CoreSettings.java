package dev.gatehouse.adapter.cli;

import dev.gatehouse.domain.SessionPolicy;

import java.nio.file.Path;
import java.util.Objects;

/** What the terminal commands open the core with: the data directory (users file) and the session timeouts. */
public record CoreSettings(Path dataDir, SessionPolicy sessionPolicy) {

    public CoreSettings {
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(sessionPolicy, "sessionPolicy");
    }
}
