package dev.gatehouse.adapter.vertx.driven.signing;

import dev.gatehouse.domain.secondfactor.AuthenticatorKey;
import dev.gatehouse.domain.secondfactor.AuthenticatorKeys;
import dev.gatehouse.domain.secondfactor.Totp;
import dev.gatehouse.domain.secondfactor.TotpSecret;
import io.vertx.ext.auth.otp.OtpKey;
import io.vertx.ext.auth.otp.OtpKeyGenerator;
import io.vertx.ext.auth.otp.totp.TotpAuth;
import io.vertx.ext.auth.otp.totp.TotpAuthOptions;

/**
 * Keys for authenticator apps made by {@code vertx-auth-otp}: a new 160-bit key, its Base32 and
 * the {@code otpauth://} URI (issuer, user, SHA-1, 6 digits, 30 s). The codes are checked by the
 * domain's {@link Totp}, whose settings these are, not by {@code TotpAuth}, which reads the wall
 * clock and looks at the current step alone.
 */
public final class OtpAuthenticatorKeys implements AuthenticatorKeys {

    private static final String ALGORITHM = "HmacSHA1";
    private static final TotpAuth URIS = TotpAuth.create(new TotpAuthOptions().setPasswordLength(Totp.DIGITS).setPeriod(Totp.STEP.getSeconds()));

    @Override
    public AuthenticatorKey issue(String issuer, String account) {
        return keyOf(OtpKeyGenerator.create(ALGORITHM).generate(TotpSecret.MIN_BYTES * 8), issuer, account);
    }

    @Override
    public AuthenticatorKey of(String base32, String issuer, String account) {
        return keyOf(new OtpKey().setKey(base32).setAlgorithm("SHA1"), issuer, account);
    }

    private static AuthenticatorKey keyOf(OtpKey key, String issuer, String account) {
        return new AuthenticatorKey(new TotpSecret(key.getKeyBytes()), key.getKey(), URIS.generateUri(key, issuer, account));
    }
}
