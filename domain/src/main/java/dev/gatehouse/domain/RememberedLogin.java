package dev.gatehouse.domain;

import java.time.Instant;
import java.util.Objects;

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

    public boolean isExpiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }
}
