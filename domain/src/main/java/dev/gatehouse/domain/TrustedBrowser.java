package dev.gatehouse.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A browser its user said to trust for {@link #TRUST_FOR} at the code step: logging in there asks
 * for the password alone. The browser holds a random token in a cookie of its own; the user
 * directory keeps only its SHA-256, with what the user would recognise it by (the browser and
 * system, from the User-Agent), so that the sessions page lists it and the user can stop trusting
 * it, each browser on its own. An administrator's reset of the second factor forgets them all.
 */
public record TrustedBrowser(String tokenHash, String label, Instant since, Instant until) {

    public static final Duration TRUST_FOR = Duration.ofDays(30);
    /** The most a user keeps: a new one beyond it replaces the oldest. */
    public static final int MAX_PER_USER = 10;

    public TrustedBrowser {
        Objects.requireNonNull(tokenHash, "tokenHash");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(since, "since");
        Objects.requireNonNull(until, "until");
    }

    /** A new token for a browser, and what the directory keeps of it. */
    public record Issued(String token, TrustedBrowser browser) {
        @Override
        public String toString() {
            return "Issued[token hidden, " + browser + "]";
        }
    }

    public static Issued issue(String label, Instant now) {
        String token = RandomToken.next();
        return new Issued(token, new TrustedBrowser(RandomToken.sha256Hex(token), label, now, now.plus(TRUST_FOR)));
    }

    /** What the directory looks a presented token up by; empty for text that no token can be. */
    public static Optional<String> hashOf(String presented) {
        return RandomToken.isWellFormed(presented) ? Optional.of(RandomToken.sha256Hex(presented)) : Optional.empty();
    }

    public boolean isTrustedAt(Instant now) {
        return now.isBefore(until);
    }

    /** A short name for it on the sessions page and in forms: the start of the hash, never the token. */
    public String handle() {
        return tokenHash.substring(0, 12);
    }
}
