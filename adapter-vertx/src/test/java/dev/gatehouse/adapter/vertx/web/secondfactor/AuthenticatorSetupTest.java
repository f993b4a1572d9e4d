package dev.gatehouse.adapter.vertx.web.secondfactor;

import dev.gatehouse.adapter.vertx.driven.signing.HmacAuthenticatorCodes;
import dev.gatehouse.domain.Username;
import dev.gatehouse.domain.secondfactor.Totp;
import io.vertx.ext.auth.otp.OtpKey;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AuthenticatorSetupTest {

    @Test
    void givenANewSetup_thenTheKeyTheUriAndTheDomainsCodesAgree() {
        AuthenticatorSetup setup = AuthenticatorSetup.generate("auth.example.com", new Username("alice"));
        assertEquals(20, setup.secret().bytes().length, "160 bits");
        assertTrue(setup.base32().matches("[A-Z2-7]{32}"), setup.base32());
        assertArrayEquals(setup.secret().bytes(), new OtpKey().setKey(setup.base32()).getKeyBytes(), "what the user types is the key");

        URI uri = URI.create(setup.uri());
        assertEquals("otpauth", uri.getScheme());
        assertEquals("totp", uri.getHost());
        assertTrue(uri.getRawPath().contains("alice"), setup.uri());
        assertTrue(uri.getRawQuery().contains("secret=" + setup.base32()) && uri.getRawQuery().contains("issuer=auth.example.com"), setup.uri());
        assertFalse(setup.toString().contains(setup.base32()), "never in a log");
        // A code the app computes from the key is one the domain accepts.
        Instant now = Instant.parse("2026-11-30T12:00:00Z");
        HmacAuthenticatorCodes codes = new HmacAuthenticatorCodes();
        assertTrue(Totp.accept(codes, setup.secret(), codes.code(setup.secret(), Totp.step(now)), now, -1).isPresent());
    }

    @Test
    void givenAUri_thenTheQrCodeIsOnePathWithAQuietZoneAndNoScript() {
        String svg = QrSvg.of("otpauth://totp/auth.example.com:alice?secret=ABCDEFGHIJKLMNOPQRSTUVWXYZ234567&issuer=auth.example.com");
        assertTrue(svg.startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 "), svg);
        assertEquals(1, svg.split("<path", -1).length - 1);
        assertFalse(svg.contains("script") || svg.contains("style="), "nothing the CSP would refuse");
        assertTrue(svg.contains("d=\"M4,4h1v1h-1z"), "the finder pattern starts after 4 modules of quiet zone");
    }
}
