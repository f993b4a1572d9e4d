package dev.gatehouse.adapter.vertx.driven.memory;

import dev.gatehouse.application.contract.RememberedLoginsContract;
import dev.gatehouse.domain.RememberMeToken;
import dev.gatehouse.domain.RememberedLogin;
import dev.gatehouse.domain.RememberedLogins;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InMemoryRememberedLoginsTest extends RememberedLoginsContract {

    @TempDir
    Path dir;

    @Override
    protected RememberedLogins createStore() {
        return new InMemoryRememberedLogins(clock);
    }

    @Test
    void givenASnapshot_thenTheNextStartHasTheSameLoginsAndTheFileHoldsNoValidator() throws IOException {
        InMemoryRememberedLogins before = new InMemoryRememberedLogins(clock);
        RememberMeToken token = RememberMeToken.generate();
        done(before.save(RememberedLogin.of(token, ALICE, 42L, NOW, NOW.plus(Duration.ofDays(30)))));
        Path file = dir.resolve("remembered.snapshot");

        assertEquals(1, before.writeSnapshot(file));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertFalse(Files.readString(file).contains(token.cookieValue().substring(44)), "only hashes are written");
        assertFalse(Files.readString(file).contains(token.cookieValue().substring(0, 43)), "not even the selector");

        InMemoryRememberedLogins after = new InMemoryRememberedLogins(clock);
        assertEquals(1, after.readSnapshot(file));
        assertTrue(token.matches(done(after.find(token.selectorKey())).orElseThrow().validatorHash()));
    }
}
