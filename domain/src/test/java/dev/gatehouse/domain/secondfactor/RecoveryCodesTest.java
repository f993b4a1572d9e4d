package dev.gatehouse.domain.secondfactor;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RecoveryCodesTest {

    @Test
    void givenANewSet_thenTenDistinctCodesOf60BitsWrittenInThreeGroups() {
        List<String> codes = RecoveryCodes.generate(new SecureRandom());
        assertEquals(10, codes.size());
        assertEquals(10, new HashSet<>(codes).size());
        for (String code : codes) {
            assertTrue(code.matches("[0-9a-hjkmnp-tv-z]{4}-[0-9a-hjkmnp-tv-z]{4}-[0-9a-hjkmnp-tv-z]{4}"), code);
        }
        assertFalse(codes.stream().anyMatch(code -> code.contains(RecoveryCodes.hash(code).orElseThrow())), "a hash is no code");
    }

    @Test
    void givenACodeTypedInAnyCaseWithOrWithoutDashesOrWithLookAlikes_thenItHashesTheSame() {
        String hash = RecoveryCodes.hash("ab01-cd2e-fg3h").orElseThrow();
        assertEquals(Optional.of(hash), RecoveryCodes.hash("AB01CD2EFG3H"));
        assertEquals(Optional.of(hash), RecoveryCodes.hash(" ab01 cd2e fg3h "));
        assertEquals(Optional.of(hash), RecoveryCodes.hash("aboi-cd2e-fg3h"), "o reads as 0, i as 1");
        assertEquals(64, hash.length());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "ab01-cd2e-fg3", "ab01-cd2e-fg3hh", "ab01-cd2e-fg3u", "ab01-cd2e-fg3!"})
    void givenTextThatIsNoCode_thenNothingIsHashed(String typed) {
        assertEquals(Optional.empty(), RecoveryCodes.hash(typed));
    }
}
