package dev.gatehouse.application.contract;

import dev.gatehouse.application.MutableClock;
import dev.gatehouse.domain.RememberMeToken;
import dev.gatehouse.domain.RememberedLogin;
import dev.gatehouse.domain.RememberedLogins;
import dev.gatehouse.domain.Username;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What every store of remembered logins must do; each implementation runs it. */
public abstract class RememberedLoginsContract {

    protected static final Instant NOW = Instant.parse("2026-01-01T09:00:00Z");
    protected static final Username ALICE = new Username("alice");

    protected final MutableClock clock = new MutableClock(NOW);

    protected abstract RememberedLogins createStore();

    protected static <T> T done(CompletionStage<T> stage) {
        return stage.toCompletableFuture().join();
    }

    private static RememberedLogin remembered(RememberMeToken token, Username user) {
        return RememberedLogin.of(token, user, 42L, NOW, NOW.plus(Duration.ofDays(30)));
    }

    @Test
    protected void givenASavedLogin_thenItIsFoundByItsSelectorWithItsHashAndNothingElse() {
        RememberedLogins store = createStore();
        RememberMeToken token = RememberMeToken.generate();
        done(store.save(remembered(token, ALICE)));

        RememberedLogin found = done(store.find(token.selectorKey())).orElseThrow();
        assertEquals(ALICE, found.user());
        assertEquals(42L, found.credentialVersion());
        assertTrue(token.matches(found.validatorHash()));
        assertNull(found.previousValidatorHash());
        assertEquals(NOW.plus(Duration.ofDays(30)), found.expiresAt());
        assertTrue(done(store.find(RememberMeToken.generate().selectorKey())).isEmpty());
    }

    @Test
    protected void givenItsLifetimeHasPassed_thenTheLoginIsNotFound() {
        RememberedLogins store = createStore();
        RememberMeToken token = RememberMeToken.generate();
        done(store.save(remembered(token, ALICE)));

        clock.advance(Duration.ofDays(30));

        assertTrue(done(store.find(token.selectorKey())).isEmpty());
    }

    @Test
    protected void givenManyRotationsOfOneValidatorAtOnce_thenExactlyOneWinsAndTheOldHashIsKeptAsPrevious() {
        RememberedLogins store = createStore();
        RememberMeToken token = RememberMeToken.generate();
        done(store.save(remembered(token, ALICE)));
        List<RememberMeToken> candidates = new ArrayList<>();
        List<CompletableFuture<Boolean>> attempts = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            RememberMeToken next = token.rotated();
            candidates.add(next);
            attempts.add(store.rotate(token.selectorKey(), token.validatorHash(), next.validatorHash(), NOW.plusSeconds(5)).toCompletableFuture());
        }

        long won = attempts.stream().filter(CompletableFuture::join).count();

        assertEquals(1, won);
        RememberedLogin after = done(store.find(token.selectorKey())).orElseThrow();
        RememberMeToken winner = candidates.get(attempts.indexOf(attempts.stream().filter(CompletableFuture::join).findFirst().orElseThrow()));
        assertTrue(winner.matches(after.validatorHash()));
        assertTrue(token.matches(after.previousValidatorHash()));
        assertEquals(NOW.plusSeconds(5), after.rotatedAt());
        assertFalse(done(store.rotate(RememberMeToken.generate().selectorKey(), "x", "y", NOW)), "an unknown login rotates nothing");
    }

    @Test
    protected void givenDeletes_thenOneOrEveryLoginOfAUserIsForgottenAndNoOneElses() {
        RememberedLogins store = createStore();
        RememberMeToken first = RememberMeToken.generate();
        RememberMeToken second = RememberMeToken.generate();
        RememberMeToken third = RememberMeToken.generate();
        RememberMeToken bobs = RememberMeToken.generate();
        done(store.save(remembered(first, ALICE)));
        done(store.save(remembered(second, ALICE)));
        done(store.save(remembered(third, ALICE)));
        done(store.save(remembered(bobs, new Username("bob"))));

        done(store.delete(first.selectorKey()));
        assertTrue(done(store.find(first.selectorKey())).isEmpty());
        assertTrue(done(store.find(second.selectorKey())).isPresent());

        done(store.deleteAllFor(ALICE));
        assertTrue(done(store.find(second.selectorKey())).isEmpty());
        assertTrue(done(store.find(third.selectorKey())).isEmpty());
        assertTrue(done(store.find(bobs.selectorKey())).isPresent());
    }
}
