package dev.gatehouse.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * How long sessions live: an idle timeout (since the last request) and an absolute timeout
 * (since login), both enforced on the server from the session's own timestamps; and how many
 * one user may hold at once (a login beyond that ends the user's oldest).
 */
public record SessionPolicy(Duration idleTimeout, Duration absoluteTimeout, int maxPerUser) {

    /** Enough for every browser and terminal a person uses, with room to spare; not enough to fill a server's memory. */
    public static final int DEFAULT_MAX_PER_USER = 20;
    public static final SessionPolicy DEFAULT = new SessionPolicy(Duration.ofMinutes(30), Duration.ofHours(8));

    /** Recording activity more often than this would cost a store write on nearly every request. */
    private static final Duration MAX_TOUCH_INTERVAL = Duration.ofMinutes(1);

    public SessionPolicy {
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        Objects.requireNonNull(absoluteTimeout, "absoluteTimeout");
        if (idleTimeout.isNegative() || idleTimeout.isZero() || absoluteTimeout.isNegative() || absoluteTimeout.isZero()) {
            throw new IllegalArgumentException("timeouts must be positive");
        }
        if (maxPerUser < 1) {
            throw new IllegalArgumentException("a user must be allowed at least one session");
        }
    }

    /** With the default cap of {@value #DEFAULT_MAX_PER_USER} sessions per user. */
    public SessionPolicy(Duration idleTimeout, Duration absoluteTimeout) {
        this(idleTimeout, absoluteTimeout, DEFAULT_MAX_PER_USER);
    }

    /** The first instant at which a session is no longer valid: idle or absolute, whichever comes first. */
    public Instant expiresAt(Instant createdAt, Instant lastSeenAt) {
        Instant idleEnd = lastSeenAt.plus(idleTimeout);
        Instant absoluteEnd = createdAt.plus(absoluteTimeout);
        return idleEnd.isBefore(absoluteEnd) ? idleEnd : absoluteEnd;
    }

    /**
     * How stale the recorded last-seen time may get before a request records a new one. A session
     * may so expire up to this much earlier than its idle timeout, never later.
     */
    public Duration touchInterval() {
        Duration tenth = idleTimeout.dividedBy(10);
        return tenth.compareTo(MAX_TOUCH_INTERVAL) < 0 ? tenth : MAX_TOUCH_INTERVAL;
    }
}
