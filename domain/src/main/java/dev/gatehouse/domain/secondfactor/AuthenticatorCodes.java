package dev.gatehouse.domain.secondfactor;

/**
 * The code an authenticator app shows for a secret in a step: RFC 6238's HMAC, which is
 * cryptography and so an adapter's (the domain keeps to the JDK's plain classes). {@link Totp}
 * decides which codes count.
 */
public interface AuthenticatorCodes {

    /** The code of the step, {@link Totp#DIGITS} digits with leading zeros. */
    String code(TotpSecret secret, long step);
}
