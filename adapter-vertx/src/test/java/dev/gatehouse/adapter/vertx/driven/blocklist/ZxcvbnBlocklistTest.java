package dev.gatehouse.adapter.vertx.driven.blocklist;

import dev.gatehouse.domain.Password;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ZxcvbnBlocklistTest {

    private final ZxcvbnBlocklist blocklist = new ZxcvbnBlocklist(Runnable::run);

    private boolean blocks(String password) {
        return blocklist.blocks(Password.of(password)).toCompletableFuture().join();
    }

    @ParameterizedTest
    @ValueSource(strings = {"passwordpassword", "aaaaaaaaaaaaaaaa", "123456789012345", "qwertyuiopasdfgh", "iloveyouiloveyou",
        "P@ssw0rd12345678", "football123456789", "abcdefghijklmnop"})
    void givenACommonPasswordOrAPattern_thenItIsBlocked(String password) {
        assertTrue(blocks(password), password);
    }

    @ParameterizedTest
    @ValueSource(strings = {"correct horse battery staple", "a long enough passphrase", "my dog has fleas!!", "Ünïcödé pässphräse wörks tôo",
        "q3T0d1Yk7mJf2Xn8Lw4bR5sV"})
    void givenAFewUnrelatedWordsOrRandomCharacters_thenItIsNotBlocked(String password) {
        assertFalse(blocks(password), password);
    }
}
