package dev.gatehouse.domain.secondfactor;

import java.util.Objects;

/**
 * A new key for an authenticator app: the secret, the same in Base32 for typing, and the
 * {@code otpauth://} URI a QR code carries (issuer, user, 6 digits, 30 s).
 */
public record AuthenticatorKey(TotpSecret secret, String base32, String uri) {

    public AuthenticatorKey {
        Objects.requireNonNull(secret, "secret");
        Objects.requireNonNull(base32, "base32");
        Objects.requireNonNull(uri, "uri");
    }

    @Override
    public String toString() {
        return "AuthenticatorKey[hidden]";
    }
}
