package dev.gatehouse.adapter.vertx.web.secondfactor;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class QrSvgTest {

    @Test
    void givenAUri_thenTheQrCodeIsOnePathWithAQuietZoneAndNoScript() {
        String svg = QrSvg.of("otpauth://totp/auth.example.com:alice?secret=ABCDEFGHIJKLMNOPQRSTUVWXYZ234567&issuer=auth.example.com");
        assertTrue(svg.startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 "), svg);
        assertEquals(1, svg.split("<path", -1).length - 1);
        assertFalse(svg.contains("script") || svg.contains("style="), "nothing the CSP would refuse");
        assertTrue(svg.contains("d=\"M4,4h1v1h-1z"), "the finder pattern starts after 4 modules of quiet zone");
    }
}
