package dev.gatehouse.domain.secondfactor;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.OptionalLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TotpTest {

    private static final TotpSecret RFC = new TotpSecret("12345678901234567890".getBytes(StandardCharsets.US_ASCII));
    /** A code per step, enough to judge the window and the replays (the real HMAC is the adapter's, tested on the RFC's vectors). */
    private static final AuthenticatorCodes CODES = (secret, step) -> String.format("%06d", Math.floorMod(step * 7919, 1_000_000));

    @Test
    void givenACodeOfTheStepBeforeNowOrAfter_thenItIsAcceptedButNotTwoStepsAway() {
        Instant now = Instant.ofEpochSecond(1_234_567_890);
        long step = Totp.step(now);
        for (long offset = -1; offset <= 1; offset++) {
            assertEquals(OptionalLong.of(step + offset), Totp.accept(CODES, RFC, CODES.code(RFC, step + offset), now, -1), "offset " + offset);
        }
        assertEquals(OptionalLong.empty(), Totp.accept(CODES, RFC, CODES.code(RFC, step - 2), now, -1), "90 seconds is the window");
        assertEquals(OptionalLong.empty(), Totp.accept(CODES, RFC, CODES.code(RFC, step + 2), now, -1));
    }

    @Test
    void givenACodeAlreadyUsed_thenItAndEveryEarlierStepAreRefused() {
        Instant now = Instant.ofEpochSecond(1_234_567_890);
        long step = Totp.step(now);
        String code = CODES.code(RFC, step);
        assertEquals(OptionalLong.of(step), Totp.accept(CODES, RFC, code, now, -1));
        assertEquals(OptionalLong.empty(), Totp.accept(CODES, RFC, code, now, step), "replayed");
        assertEquals(OptionalLong.empty(), Totp.accept(CODES, RFC, CODES.code(RFC, step - 1), now, step), "older than the last one used");
        assertEquals(OptionalLong.of(step + 1), Totp.accept(CODES, RFC, CODES.code(RFC, step + 1), now, step), "the next one is fine");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "12345", "1234567", "12a456", "-12345", "１２３４５６"})
    void givenSomethingThatIsNoCode_thenItIsRefused(String typed) {
        assertEquals(OptionalLong.empty(), Totp.accept(CODES, RFC, typed, Instant.ofEpochSecond(59), -1));
    }

    @Test
    void givenTheCodeTypedInTwoGroups_thenTheSpaceIsIgnored() {
        Instant now = Instant.ofEpochSecond(59);
        String code = CODES.code(RFC, Totp.step(now));
        assertTrue(Totp.accept(CODES, RFC, code.substring(0, 3) + " " + code.substring(3), now, -1).isPresent());
    }

    @Test
    void givenSecrets_thenTheyAre160BitsOrMoreAndNeverShown() {
        assertThrows(IllegalArgumentException.class, () -> new TotpSecret(new byte[19]));
        TotpSecret secret = TotpSecret.generate(new SecureRandom());
        assertEquals(20, secret.bytes().length);
        assertEquals("TotpSecret[hidden]", secret.toString());
        assertNotEquals(secret, TotpSecret.generate(new SecureRandom()));
        assertEquals(secret, new TotpSecret(secret.bytes()));
    }
}
