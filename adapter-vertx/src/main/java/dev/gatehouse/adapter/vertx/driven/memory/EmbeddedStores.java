package dev.gatehouse.adapter.vertx.driven.memory;

import dev.gatehouse.adapter.vertx.driven.Stores;
import dev.gatehouse.adapter.vertx.driven.file.EndedJournal;
import dev.gatehouse.domain.LoginThrottle;
import dev.gatehouse.domain.RememberedLogins;
import dev.gatehouse.domain.SessionPolicy;
import dev.gatehouse.domain.SessionRepository;
import dev.gatehouse.domain.ThrottlePolicy;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The stores in this process's memory: a server's, kept over restarts and crashes by snapshots and
 * the journal of what ended ({@link EmbeddedSnapshots}), or a terminal command's own, kept nowhere.
 */
public final class EmbeddedStores implements Stores {

    /** Where a server keeps its embedded stores between runs. */
    public record SnapshotFiles(Path sessions, Path remembered, Path journal) {
    }

    private final InMemorySessionRepository sessions;
    private final InMemoryLoginThrottle throttle;
    private final InMemoryRememberedLogins remembered;
    private final Optional<EmbeddedSnapshots> snapshots;

    private EmbeddedStores(SessionPolicy policy, ThrottlePolicy throttlePolicy, Clock clock, Optional<SnapshotFiles> files) {
        EndedJournal journal = files.isPresent() ? EndedJournal.recording() : EndedJournal.none();
        this.sessions = new InMemorySessionRepository(policy, clock, journal);
        this.throttle = new InMemoryLoginThrottle(throttlePolicy);
        this.remembered = new InMemoryRememberedLogins(clock, journal);
        this.snapshots = files.map(kept -> new EmbeddedSnapshots(sessions, remembered, journal, kept.sessions(), kept.remembered(), kept.journal()));
    }

    /** A server's: kept in these files over restarts. */
    public static EmbeddedStores keptIn(SnapshotFiles files, SessionPolicy policy, ThrottlePolicy throttlePolicy, Clock clock) {
        return new EmbeddedStores(policy, throttlePolicy, clock, Optional.of(files));
    }

    /** A terminal command's own, which end with it. */
    public static EmbeddedStores forThisProcess(SessionPolicy policy, ThrottlePolicy throttlePolicy, Clock clock) {
        return new EmbeddedStores(policy, throttlePolicy, clock, Optional.empty());
    }

    @Override
    public SessionRepository sessions() {
        return sessions;
    }

    @Override
    public LoginThrottle throttle() {
        return throttle;
    }

    @Override
    public RememberedLogins remembered() {
        return remembered;
    }

    @Override
    public boolean shared() {
        return false;
    }

    @Override
    public boolean keptInFiles() {
        return snapshots.isPresent();
    }

    @Override
    public int restore() throws IOException {
        return snapshots.isPresent() ? snapshots.get().restore() : 0;
    }

    @Override
    public void sweep(Instant now) {
        sessions.removeExpired();
        remembered.removeExpired();
        throttle.forgetIdle(now);
    }

    @Override
    public void noteEnded() throws IOException {
        if (snapshots.isPresent()) {
            snapshots.get().flushJournal();
        }
    }

    @Override
    public Optional<Kept> keep() throws IOException {
        return snapshots.isPresent() ? Optional.of(snapshots.get().checkpoint()) : Optional.empty();
    }

    @Override
    public CompletionStage<Long> countSessions() {
        return CompletableFuture.completedFuture((long) sessions.size());
    }
}
