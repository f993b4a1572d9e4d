package dev.gatehouse.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UsernameTest {

    @Test
    void givenSurroundingSpaceAndDecomposedAccents_thenTheNameIsTrimmedAndNfcNormalised() {
        assertEquals("José", new Username("  Jose\u0301 ").value());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "a\u0000b", "a\nb", "a\rb", "a\tb", "evil\u202Eexe", "zero\u200Bwidth", "a\u2028b"})
    void givenEmptyOrControlOrInvisibleCharacters_thenTheNameIsRefused(String text) {
        assertThrows(IllegalArgumentException.class, () -> new Username(text));
        assertTrue(Username.parse(text).isEmpty());
    }

    @Test
    void givenMoreThan64Characters_thenTheNameIsRefused() {
        assertTrue(Username.parse("a".repeat(64)).isPresent());
        assertTrue(Username.parse("a".repeat(65)).isEmpty());
        assertTrue(Username.parse(null).isEmpty());
    }

    @Test
    void givenHtmlCharacters_thenTheNameIsAllowedBecausePagesEscapeIt() {
        assertEquals("<b>&\"'", new Username("<b>&\"'").value());
    }
}
