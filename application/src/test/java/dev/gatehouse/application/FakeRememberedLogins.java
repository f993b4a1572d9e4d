package dev.gatehouse.application;

import dev.gatehouse.domain.RememberedLogin;
import dev.gatehouse.domain.RememberedLogins;
import dev.gatehouse.domain.Username;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

/** Remembered logins in a map, for use-case tests; it passes RememberedLoginsContract, as the real stores do. */
public final class FakeRememberedLogins implements RememberedLogins {

    public final Map<String, RememberedLogin> stored = new ConcurrentHashMap<>();
    private final Clock clock;

    /** @param clock what "now" is when a login is looked up: an expired one is not found */
    public FakeRememberedLogins(Clock clock) {
        this.clock = clock;
    }

    @Override
    public CompletionStage<Void> save(RememberedLogin login) {
        stored.put(login.selectorKey(), login);
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletionStage<Optional<RememberedLogin>> find(String selector) {
        return CompletableFuture.completedFuture(Optional.ofNullable(stored.get(selector)).filter(login -> !login.isExpiredAt(clock.instant())));
    }

    @Override
    public synchronized CompletionStage<Boolean> rotate(String selector, String expected, String replacement, Instant now) {
        RememberedLogin login = stored.get(selector);
        if (login == null || !login.validatorHash().equals(expected)) {
            return CompletableFuture.completedFuture(false);
        }
        stored.put(selector, new RememberedLogin(selector, login.user(), replacement, expected, now, login.credentialVersion(), login.expiresAt()));
        return CompletableFuture.completedFuture(true);
    }

    @Override
    public CompletionStage<Void> delete(String selector) {
        stored.remove(selector);
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletionStage<Void> deleteAllFor(Username user) {
        stored.values().removeIf(login -> login.user().equals(user));
        return CompletableFuture.completedFuture(null);
    }
}
