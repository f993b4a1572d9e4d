package dev.gatehouse.adapter.vertx.driven.sealing;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SecretSealerTest {

    private static final byte[] OLD = "an old server secret of 32 bytes!".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] NEW = "a new server secret, 32 bytes too".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] PLAIN = "twenty bytes of key!".getBytes(StandardCharsets.US_ASCII);

    @Test
    void givenASealedSecret_thenItOpensForItsUserOnlyAndShowsNothingOfItself() {
        SecretSealer sealer = new SecretSealer(List.of(NEW));
        String sealed = sealer.seal(PLAIN, "alice");
        assertTrue(sealed.startsWith("gh1."), sealed);
        assertFalse(sealed.contains("twenty"));
        assertNotEquals(sealed, sealer.seal(PLAIN, "alice"), "a fresh nonce each time");
        assertArrayEquals(PLAIN, sealer.open(sealed, "alice").orElseThrow());
        assertEquals(Optional.empty(), sealer.open(sealed, "bob"), "copied to another user's entry, it does not open");
    }

    @Test
    void givenARotatedSecret_thenWhatTheOldOneSealedStillOpensAndNewSealsUseTheNewOne() {
        String before = new SecretSealer(List.of(OLD)).seal(PLAIN, "alice");
        SecretSealer rotated = new SecretSealer(List.of(NEW, OLD));
        assertArrayEquals(PLAIN, rotated.open(before, "alice").orElseThrow());
        String after = rotated.seal(PLAIN, "alice");
        assertEquals(Optional.empty(), new SecretSealer(List.of(OLD)).open(after, "alice"), "sealed with the new secret");
        assertEquals(Optional.empty(), new SecretSealer(List.of(NEW)).open(before, "alice"), "the old secret dropped: no longer readable");
    }

    @Test
    void givenATamperedOrMalformedValue_thenNothingOpens() {
        SecretSealer sealer = new SecretSealer(List.of(NEW));
        String sealed = sealer.seal(PLAIN, "alice");
        char last = sealed.charAt(sealed.length() - 2);
        String tampered = sealed.substring(0, sealed.length() - 2) + (last == 'A' ? 'B' : 'A') + sealed.charAt(sealed.length() - 1);
        for (String broken : new String[] {tampered, "gh1.x.y", "gh2" + sealed.substring(3), "", "gh1..", sealed + "!", null}) {
            assertEquals(Optional.empty(), sealer.open(broken, "alice"), String.valueOf(broken));
        }
    }
}
