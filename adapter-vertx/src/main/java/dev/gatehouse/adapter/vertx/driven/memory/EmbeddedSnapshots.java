package dev.gatehouse.adapter.vertx.driven.memory;

import dev.gatehouse.adapter.vertx.driven.Stores;
import dev.gatehouse.adapter.vertx.driven.file.EndedJournal;
import dev.gatehouse.adapter.vertx.driven.file.Snapshots;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Keeps the embedded stores (sessions and remembered logins) over restarts and crashes: both are
 * written to snapshots every so often and at the stop ({@link #checkpoint}), and whatever is
 * ended between two snapshots is appended to a journal every second ({@link #flushJournal}). A
 * start reads the snapshots, ends again what the journal lists, and writes a fresh checkpoint.
 * So a graceful stop loses nothing, a crash loses at most the sessions begun since the last
 * snapshot, and no crash ever brings back a session that was logged out or revoked (at most the
 * last second of those, should the machine itself go down). Every method blocks: call them off
 * the event loop. They run one at a time.
 */
public final class EmbeddedSnapshots {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedSnapshots.class);

    private final InMemorySessionRepository sessions;
    private final InMemoryRememberedLogins logins;
    private final EndedJournal journal;
    private final Path sessionsFile;
    private final Path loginsFile;
    private final Path journalFile;

    public EmbeddedSnapshots(InMemorySessionRepository sessions, InMemoryRememberedLogins logins, EndedJournal journal, Path sessionsFile,
                             Path loginsFile, Path journalFile) {
        this.sessions = sessions;
        this.logins = logins;
        this.journal = journal;
        this.sessionsFile = sessionsFile;
        this.loginsFile = loginsFile;
        this.journalFile = journalFile;
    }

    /**
     * At start: reads both snapshots back (a damaged one is moved aside with a warning, and the
     * start goes on; the other is read as usual), ends again what the journal lists, then writes a
     * checkpoint of the result. How many sessions there are then.
     */
    public synchronized int restore() throws IOException {
        try {
            sessions.readSnapshot(sessionsFile);
        } catch (Snapshots.Corrupt corrupt) {
            LOG.warn("{}; the start goes on with the sessions read before the damage", corrupt.getMessage());
        }
        try {
            logins.readSnapshot(loginsFile);
        } catch (Snapshots.Corrupt corrupt) {
            LOG.warn("{}; the start goes on without the remembered logins it held", corrupt.getMessage());
        }
        EndedJournal.replay(journalFile, (kind, name) -> {
            sessions.endAgain(kind, name);
            logins.endAgain(kind, name);
        });
        checkpoint();
        return sessions.size();
    }

    /** Writes both snapshots, each whole or not at all, then starts the journal afresh. */
    public synchronized Stores.Kept checkpoint() throws IOException {
        long started = System.nanoTime();
        // What ended before this point is in the journal file, and will not be in the snapshots either.
        journal.flush(journalFile);
        int keptSessions = sessions.writeSnapshot(sessionsFile);
        int keptLogins = logins.writeSnapshot(loginsFile);
        // Whatever ended while the snapshots were written is still queued, for the next flush.
        EndedJournal.clear(journalFile);
        return new Stores.Kept(keptSessions, keptLogins, (System.nanoTime() - started) / 1_000_000);
    }

    /** Appends what has ended since the last flush to the journal. */
    public synchronized void flushJournal() throws IOException {
        journal.flush(journalFile);
    }
}
