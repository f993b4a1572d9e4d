package dev.gatehouse.bench;

import dev.gatehouse.adapter.vertx.driven.Stores;
import dev.gatehouse.adapter.vertx.driven.file.EndedJournal;
import dev.gatehouse.adapter.vertx.driven.memory.EmbeddedSnapshots;
import dev.gatehouse.adapter.vertx.driven.memory.InMemoryRememberedLogins;
import dev.gatehouse.adapter.vertx.driven.memory.InMemorySessionRepository;
import dev.gatehouse.domain.Channel;
import dev.gatehouse.domain.Session;
import dev.gatehouse.domain.SessionPolicy;
import dev.gatehouse.domain.Username;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;

/**
 * What the embedded store's snapshot costs a stop and a start: fill the store with N logged-in
 * sessions (a user, a CSRF token, one preference each), write the checkpoint a stop writes, and
 * read it back as the next start does. Prints the times, the file's size and the sessions kept.
 */
public final class SnapshotTiming {

    private SnapshotTiming() {
    }

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        Path dir = Files.createTempDirectory("gatehouse-snapshot-");
        Clock clock = Clock.systemUTC();
        EndedJournal journal = EndedJournal.recording();
        InMemorySessionRepository store = new InMemorySessionRepository(SessionPolicy.DEFAULT, clock, journal);
        List<Username> users = IntStream.range(0, 1000).mapToObj(i -> new Username("user" + i)).toList();
        for (int i = 0; i < count; i++) {
            Instant now = clock.instant();
            store.save(Session.startAnonymous(Channel.WEB, now).loggedInAs(users.get(i % users.size()), 1L, now)
                    .withAttribute("theme", "dark"));
        }
        EmbeddedSnapshots snapshots = new EmbeddedSnapshots(store, new InMemoryRememberedLogins(clock, journal), journal,
                dir.resolve("sessions.snapshot"), dir.resolve("remembered.snapshot"), dir.resolve("ended.journal"));
        for (int round = 1; round <= 3; round++) {
            Stores.Kept kept = snapshots.checkpoint();
            long bytes = Files.size(dir.resolve("sessions.snapshot"));
            InMemorySessionRepository next = new InMemorySessionRepository(SessionPolicy.DEFAULT, clock, EndedJournal.recording());
            long started = System.nanoTime();
            int read = next.readSnapshot(dir.resolve("sessions.snapshot"));
            long readMillis = (System.nanoTime() - started) / 1_000_000;
            System.out.printf("round=%d sessions=%d write_ms=%d read_ms=%d read_back=%d file_mb=%.1f%n",
                    round, kept.sessions(), kept.millis(), readMillis, read, bytes / 1e6);
        }
        try (var files = Files.list(dir)) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
        }
        Files.delete(dir);
    }
}
