package dev.gatehouse.adapter.vertx.web.secondfactor;

import dev.gatehouse.domain.Username;
import dev.gatehouse.domain.secondfactor.Totp;
import dev.gatehouse.domain.secondfactor.TotpSecret;
import io.vertx.ext.auth.otp.OtpKey;
import io.vertx.ext.auth.otp.OtpKeyGenerator;
import io.vertx.ext.auth.otp.totp.TotpAuth;
import io.vertx.ext.auth.otp.totp.TotpAuthOptions;

/**
 * What a user's authenticator app is given at enrolment: a new 160-bit key, written in Base32 for
 * typing, and the {@code otpauth://} URI that the QR code carries (issuer, user, SHA-1, 6 digits,
 * 30 s), made by {@code vertx-auth-otp}. The codes are checked by the domain's
 * {@link dev.gatehouse.domain.secondfactor.Totp}, whose settings these are.
 */
public record AuthenticatorSetup(TotpSecret secret, String base32, String uri) {

    private static final TotpAuth URIS = TotpAuth.create(new TotpAuthOptions().setPasswordLength(Totp.DIGITS).setPeriod(Totp.STEP.getSeconds()));

    /** A new key for this user, named in the app as {@code issuer: user}. */
    public static AuthenticatorSetup generate(String issuer, Username user) {
        OtpKey key = OtpKeyGenerator.create("HmacSHA1").generate(TotpSecret.MIN_BYTES * 8);
        return new AuthenticatorSetup(new TotpSecret(key.getKeyBytes()), key.getKey(), URIS.generateUri(key, issuer, user.value()));
    }

    @Override
    public String toString() {
        return "AuthenticatorSetup[hidden]";
    }
}
