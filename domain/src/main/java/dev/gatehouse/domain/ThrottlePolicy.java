package dev.gatehouse.domain;

import java.time.Duration;
import java.util.Objects;

/**
 * How hard password guessing is slowed down (S16).
 *
 * @param accountThreshold consecutive failures of one account before it backs off
 * @param firstBackoff     the back-off after the threshold is reached; it doubles with each further failure
 * @param maxBackoff       the longest back-off
 * @param clientBurst      failed attempts a client may make in a row, over any accounts
 * @param clientRefill     after which a client may make one more failed attempt
 * @param forgetAfter      an account's failures are forgotten this long after the last one
 */
public record ThrottlePolicy(int accountThreshold, Duration firstBackoff, Duration maxBackoff,
                             int clientBurst, Duration clientRefill, Duration forgetAfter) {

    public static final ThrottlePolicy DEFAULT = new ThrottlePolicy(5, Duration.ofSeconds(1), Duration.ofMinutes(15),
            20, Duration.ofSeconds(30), Duration.ofHours(24));

    public ThrottlePolicy {
        Objects.requireNonNull(firstBackoff, "firstBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        Objects.requireNonNull(clientRefill, "clientRefill");
        Objects.requireNonNull(forgetAfter, "forgetAfter");
        if (accountThreshold < 1 || clientBurst < 1 || firstBackoff.isNegative() || firstBackoff.isZero()
                || maxBackoff.compareTo(firstBackoff) < 0 || clientRefill.isNegative() || clientRefill.isZero()
                || forgetAfter.isNegative() || forgetAfter.isZero()) {
            throw new IllegalArgumentException("throttle limits must be positive, and the longest back-off at least the first");
        }
    }

    /** The back-off after this many consecutive failures: none below the threshold, then doubling up to the maximum. */
    public Duration accountBackoff(int failures) {
        if (failures < accountThreshold) {
            return Duration.ZERO;
        }
        int doublings = Math.min(failures - accountThreshold, 30);
        Duration backoff = firstBackoff.multipliedBy(1L << doublings);
        return backoff.compareTo(maxBackoff) > 0 ? maxBackoff : backoff;
    }
}
