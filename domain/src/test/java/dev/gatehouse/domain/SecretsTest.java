package dev.gatehouse.domain;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Session ids, CSRF tokens, passwords and credentials: the values that must not leak. */
class SecretsTest {

    @Test
    void givenManyGeneratedIds_thenEachIs256BitsOfUrlSafeTextAndUnique() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String id = SessionId.generate().value();
            assertTrue(id.matches("[A-Za-z0-9_-]{43}"), id);
            assertTrue(SessionId.parse(id).isPresent());
            seen.add(id);
        }
        assertEquals(1000, seen.size());
    }

    @Test
    void givenMalformedText_thenItIsNoSessionId() {
        String id = SessionId.generate().value();
        assertTrue(SessionId.parse(id.substring(1)).isEmpty());
        assertTrue(SessionId.parse(id + "A").isEmpty());
        assertTrue(SessionId.parse(id.substring(0, 42) + "=").isEmpty());
        assertTrue(SessionId.parse(id.substring(0, 42) + "B").isEmpty(), "non-canonical last character");
        assertTrue(SessionId.parse(null).isEmpty());
    }

    @Test
    void givenAnId_thenItsStorageKeyIsAHashAndItsTextNeverShows() {
        SessionId id = SessionId.generate();
        assertTrue(id.storageKey().matches("[0-9a-f]{64}"));
        assertFalse(id.storageKey().contains(id.value()));
        assertFalse(id.toString().contains(id.value()));
        assertEquals(id, SessionId.parse(id.value()).orElseThrow());
        assertNotEquals(id, SessionId.generate());
    }

    @Test
    void givenACsrfToken_thenOnlyTheSameTextMatches() {
        CsrfToken token = CsrfToken.generate();
        assertTrue(token.matches(token.value()));
        assertFalse(token.matches(CsrfToken.generate().value()));
        assertFalse(token.matches(null));
        assertFalse(token.matches(""));
        assertFalse(token.toString().contains(token.value()));
    }

    @Test
    void givenCredentials_thenToStringHidesThePasswordAndWipeClearsIt() {
        Password password = Password.of("correct horse battery staple");
        Credentials credentials = new Credentials(new Username("alice"), password);
        assertFalse(credentials.toString().contains("horse"));
        assertFalse(password.toString().contains("horse"));
        credentials.wipe();
        assertEquals("\0".repeat(28), password.reveal());
    }

    @Test
    void givenDecomposedUnicode_thenPasswordsAreNfcNormalisedAndComparedWhole() {
        assertTrue(Password.of("Jose\u0301").sameAs(Password.of("José")));
        assertFalse(Password.of("secret").sameAs(Password.of("secret ")));
    }

    @Test
    void givenNewPasswords_thenOnly15To1024CharactersOfAnyKindPass() {
        assertEquals(PasswordPolicy.Problem.TOO_SHORT, PasswordPolicy.problemWith(Password.of("a".repeat(14))).orElseThrow());
        assertTrue(PasswordPolicy.problemWith(Password.of("a".repeat(15))).isEmpty());
        assertTrue(PasswordPolicy.problemWith(Password.of("🔑".repeat(15))).isEmpty(), "counted in characters, not UTF-16 units");
        assertTrue(PasswordPolicy.problemWith(Password.of("b".repeat(1024))).isEmpty());
        assertEquals(PasswordPolicy.Problem.TOO_LONG, PasswordPolicy.problemWith(Password.of("b".repeat(1025))).orElseThrow());
    }
}
