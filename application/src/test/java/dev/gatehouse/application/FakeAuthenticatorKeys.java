package dev.gatehouse.application;

import dev.gatehouse.domain.secondfactor.AuthenticatorKey;
import dev.gatehouse.domain.secondfactor.AuthenticatorKeys;
import dev.gatehouse.domain.secondfactor.TotpSecret;

import java.security.SecureRandom;
import java.util.HexFormat;

/** Keys written in hex rather than Base32, with a made-up URI: for the use cases' tests. */
public final class FakeAuthenticatorKeys implements AuthenticatorKeys {

    @Override
    public AuthenticatorKey issue(String issuer, String account) {
        return of(HexFormat.of().formatHex(TotpSecret.generate(new SecureRandom()).bytes()), issuer, account);
    }

    @Override
    public AuthenticatorKey of(String base32, String issuer, String account) {
        return new AuthenticatorKey(new TotpSecret(HexFormat.of().parseHex(base32)), base32, "otpauth://totp/" + issuer + ":" + account + "?secret=" + base32);
    }
}
