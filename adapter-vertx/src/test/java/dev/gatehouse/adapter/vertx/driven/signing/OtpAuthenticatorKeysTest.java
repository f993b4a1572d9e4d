package dev.gatehouse.adapter.vertx.driven.signing;

import dev.gatehouse.domain.secondfactor.AuthenticatorKey;
import dev.gatehouse.domain.secondfactor.Totp;
import io.vertx.ext.auth.otp.OtpKey;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OtpAuthenticatorKeysTest {

    private final OtpAuthenticatorKeys keys = new OtpAuthenticatorKeys();

    @Test
    void givenANewKey_thenTheSecretTheBase32TheUriAndTheDomainsCodesAgree() {
        AuthenticatorKey key = keys.issue("auth.example.com", "alice");
        assertEquals(20, key.secret().bytes().length, "160 bits");
        assertTrue(key.base32().matches("[A-Z2-7]{32}"), key.base32());
        assertArrayEquals(key.secret().bytes(), new OtpKey().setKey(key.base32()).getKeyBytes(), "what the user types is the key");

        URI uri = URI.create(key.uri());
        assertEquals("otpauth", uri.getScheme());
        assertEquals("totp", uri.getHost());
        assertTrue(uri.getRawPath().contains("alice"), key.uri());
        assertTrue(uri.getRawQuery().contains("secret=" + key.base32()) && uri.getRawQuery().contains("issuer=auth.example.com"), key.uri());
        assertFalse(key.toString().contains(key.base32()), "never in a log");
        // A code the app computes from the key is one the domain accepts.
        Instant now = Instant.parse("2026-11-30T12:00:00Z");
        HmacAuthenticatorCodes codes = new HmacAuthenticatorCodes();
        assertTrue(Totp.accept(codes, key.secret(), codes.code(key.secret(), Totp.step(now)), now, -1).isPresent());
    }

    @Test
    void givenTheBase32OfAKey_thenTheSameKeyAndUriComeBack() {
        AuthenticatorKey key = keys.issue("auth.example.com", "alice");
        AuthenticatorKey again = keys.of(key.base32(), "auth.example.com", "alice");
        assertArrayEquals(key.secret().bytes(), again.secret().bytes());
        assertEquals(key.uri(), again.uri());
    }
}
