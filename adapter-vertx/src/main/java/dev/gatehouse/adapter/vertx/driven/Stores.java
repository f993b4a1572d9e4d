package dev.gatehouse.adapter.vertx.driven;

import dev.gatehouse.domain.LoginThrottle;
import dev.gatehouse.domain.RememberedLogins;
import dev.gatehouse.domain.SessionRepository;

import java.io.IOException;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * The stores that live beside each other (the sessions, the throttle's counters, the remembered
 * logins), with what is done for them over their life: read back at start, swept on a timer,
 * counted for the metrics, kept at stop. The composition root drives this lifecycle without
 * knowing whether they live in this process's memory or in a Redis every server shares.
 */
public interface Stores {

    SessionRepository sessions();

    LoginThrottle throttle();

    RememberedLogins remembered();

    /** Whether every server and terminal sees these sessions, so listing and revoking them means something. */
    boolean shared();

    /** Whether this process keeps them over restarts in files of its own ({@link #restore}, {@link #noteEnded}, {@link #keep}). */
    boolean keptInFiles();

    /** At start: reads back what the last run kept; how many sessions there are then. Blocking. */
    int restore() throws IOException;

    /** Drops what has expired (Redis expires its own). */
    void sweep(Instant now);

    /** Every second: writes down what has ended since the last {@link #keep}, so no crash undoes it. Blocking. */
    void noteEnded() throws IOException;

    /** Every so often and at stop: writes what the next start reads back, and says what; empty when there is nothing to write. Blocking. */
    Optional<Kept> keep() throws IOException;

    /** How many sessions are held, for the metrics. */
    CompletionStage<Long> countSessions();

    /** What a {@link #keep} wrote. */
    record Kept(int sessions, int logins, long millis) {
    }
}
