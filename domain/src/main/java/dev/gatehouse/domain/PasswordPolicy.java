package dev.gatehouse.domain;

import java.util.Optional;

/**
 * What a new password must be (NIST SP 800-63B): 15 to 1024 characters of any Unicode, counted
 * after NFC normalisation, with no composition rules and no truncation, and not one that a
 * {@link PasswordBlocklist} blocks.
 */
public final class PasswordPolicy {

    public static final int MIN_CODE_POINTS = 15;
    /** How many PBKDF2-HMAC-SHA512 iterations a new hash takes unless configured otherwise: OWASP's figure (S18). */
    public static final int DEFAULT_HASH_ITERATIONS = 210_000;
    /** Below this a hash is refused outright: it would be far weaker than any policy we ship. */
    public static final int MIN_HASH_ITERATIONS = 100_000;

    public enum Problem {
        TOO_SHORT("must be at least " + MIN_CODE_POINTS + " characters long"),
        TOO_LONG("must be at most " + Password.MAX_CODE_POINTS + " characters long"),
        COMMON("is too easy to guess: it is a common password, or a repeated, sequential or keyboard pattern. "
                + "A few unrelated words make a good one");

        private final String explanation;

        Problem(String explanation) {
            this.explanation = explanation;
        }

        public String explanation() {
            return "The password " + explanation + ".";
        }
    }

    private PasswordPolicy() {
    }

    public static Optional<Problem> problemWith(Password password) {
        int length = password.codePointCount();
        if (length < MIN_CODE_POINTS) {
            return Optional.of(Problem.TOO_SHORT);
        }
        if (length > Password.MAX_CODE_POINTS) {
            return Optional.of(Problem.TOO_LONG);
        }
        return Optional.empty();
    }
}
