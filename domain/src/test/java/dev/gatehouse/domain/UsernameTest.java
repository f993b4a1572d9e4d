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
        assertEquals("josé", new Username("  Jose\u0301 ").value());
    }

    @ParameterizedTest
    @ValueSource(strings = {"Alice", "ALICE", "alice", " aLiCe ", "\uFF41lice"})
    void givenAnyCaseOrFullWidthLetters_thenItIsOneName(String typed) {
        assertEquals(new Username("alice"), new Username(typed));
        assertEquals("alice", new Username(typed).value());
    }

    @ParameterizedTest
    @ValueSource(strings = {"bob", "bob.smith", "bob_smith-2", "bob+test@example.org", "Zoë", "José", "\u0438\u0432\u0430\u043d", "\u5c71\u7530", "7of9"})
    void givenLettersDigitsAndEmailPunctuation_thenANewAccountMayHaveTheName(String typed) {
        assertEquals(new Username(typed), Username.forNewAccount(typed));
    }

    @ParameterizedTest
    @ValueSource(strings = {"bad name!", "a b", "<b>bob</b>", "o'brien", "semi;colon", "-dash", ".dot", "@at", "tab\u00a0space"})
    void givenSpacesMarkupOrAPunctuationStart_thenANewAccountMayNotHaveTheName(String typed) {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> Username.forNewAccount(typed));
        assertEquals(Username.NEW_NAME_RULE, refused.getMessage());
        assertTrue(Username.parse(typed).isPresent(), "a name made before the rule can still be looked up");
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
    void givenHtmlCharacters_thenTheNameCanBeLookedUpBecausePagesEscapeIt() {
        assertEquals("<b>&\"'", new Username("<B>&\"'").value());
    }
}
