package dev.gatehouse.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Function;

/**
 * A login a browser asked to be remembered, as stored: never the selector or the validator
 * themselves, only their hashes.
 *
 * @param selectorKey           the SHA-256 of the cookie's selector ({@link RememberMeToken#selectorKey()})
 * @param validatorHash         the SHA-256 of the validator the browser holds now
 * @param previousValidatorHash the one before the last rotation, or null: a second tab that raced
 *                              the rotation presents it, which is not theft
 * @param rotatedAt             when the validator last changed
 * @param credentialVersion     the user's credential version when remembered: a password change or
 *                              a disabled account makes the login worthless
 */
public record RememberedLogin(String selectorKey, Username user, String validatorHash, String previousValidatorHash, Instant rotatedAt,
                              long credentialVersion, Instant expiresAt) {

    public RememberedLogin {
        Objects.requireNonNull(selectorKey, "selectorKey");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(validatorHash, "validatorHash");
        Objects.requireNonNull(rotatedAt, "rotatedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    public static RememberedLogin of(RememberMeToken token, Username user, long credentialVersion, Instant now, Instant expiresAt) {
        return new RememberedLogin(token.selectorKey(), user, token.validatorHash(), null, now, credentialVersion, expiresAt);
    }

    /**
     * Two tabs restoring at once present the same validator; the one that loses the race brings
     * the validator just replaced. For this long after a rotation that is taken for such a race
     * (the tab gets no session, nobody is logged out), not for theft.
     */
    public static final Duration RACE_WINDOW = Duration.ofSeconds(30);

    public boolean isExpiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }

    /** What a token presented for this login at {@code now} is: the rule of theft lives here, once. */
    public Presented judge(RememberMeToken token, Instant now) {
        if (token.matches(validatorHash)) {
            return new Presented.Current();
        }
        if (token.matches(previousValidatorHash)) {
            // A validator already replaced: a tab that lost the race just now, or else a copy of the cookie.
            return now.isBefore(rotatedAt.plus(RACE_WINDOW)) ? new Presented.RacedRotation() : new Presented.Replayed();
        }
        return new Presented.Guessed();
    }

    /** The answer of {@link #judge}. */
    public sealed interface Presented {

        /** The validator the browser was last given. */
        record Current() implements Presented {
            @Override
            public <R> R fold(Function<Current, R> current, Function<RacedRotation, R> raced, Function<Replayed, R> replayed,
                              Function<Guessed, R> guessed) {
                return current.apply(this);
            }
        }

        /** The validator just replaced, within {@link #RACE_WINDOW}: a second tab, not a thief. */
        record RacedRotation() implements Presented {
            @Override
            public <R> R fold(Function<Current, R> current, Function<RacedRotation, R> raced, Function<Replayed, R> replayed,
                              Function<Guessed, R> guessed) {
                return raced.apply(this);
            }
        }

        /** A replaced validator, later than that: the cookie was copied, and one of its holders is a thief. */
        record Replayed() implements Presented {
            @Override
            public <R> R fold(Function<Current, R> current, Function<RacedRotation, R> raced, Function<Replayed, R> replayed,
                              Function<Guessed, R> guessed) {
                return replayed.apply(this);
            }
        }

        /** A validator never issued for this selector: a guess. */
        record Guessed() implements Presented {
            @Override
            public <R> R fold(Function<Current, R> current, Function<RacedRotation, R> raced, Function<Replayed, R> replayed,
                              Function<Guessed, R> guessed) {
                return guessed.apply(this);
            }
        }

        /** One function per case: a new case fails to compile wherever a presented token is answered. */
        <R> R fold(Function<Current, R> current, Function<RacedRotation, R> raced, Function<Replayed, R> replayed, Function<Guessed, R> guessed);
    }
}
