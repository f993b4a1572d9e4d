package dev.gatehouse.adapter.vertx.session;

import dev.gatehouse.adapter.vertx.files.Snapshots;
import dev.gatehouse.domain.RememberedLogin;
import dev.gatehouse.domain.RememberedLogins;
import dev.gatehouse.domain.Username;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembered logins in this process, beside the embedded session store; like it, they are written
 * to a snapshot (mode 0600, hashes only) when the server stops and read back at the next start.
 */
public final class InMemoryRememberedLogins implements RememberedLogins {

    private static final String SNAPSHOT_FORMAT = "gatehouse-remembered-logins-1";
    private static final CompletionStage<Void> DONE = CompletableFuture.completedFuture(null);

    private final Map<String, RememberedLogin> logins = new ConcurrentHashMap<>();
    private final Clock clock;

    public InMemoryRememberedLogins(Clock clock) {
        this.clock = clock;
    }

    @Override
    public CompletionStage<Void> save(RememberedLogin login) {
        logins.put(login.selector(), login);
        return DONE;
    }

    @Override
    public CompletionStage<Optional<RememberedLogin>> find(String selector) {
        RememberedLogin login = logins.get(selector);
        if (login != null && login.isExpiredAt(clock.instant())) {
            logins.remove(selector, login);
            login = null;
        }
        return CompletableFuture.completedFuture(Optional.ofNullable(login));
    }

    @Override
    public CompletionStage<Boolean> rotate(String selector, String expected, String replacement, Instant now) {
        boolean[] rotated = {false};
        logins.computeIfPresent(selector, (key, login) -> {
            if (!login.validatorHash().equals(expected)) {
                return login;
            }
            rotated[0] = true;
            return new RememberedLogin(key, login.user(), replacement, expected, now, login.credentialVersion(), login.expiresAt());
        });
        return CompletableFuture.completedFuture(rotated[0]);
    }

    @Override
    public CompletionStage<Void> delete(String selector) {
        logins.remove(selector);
        return DONE;
    }

    @Override
    public CompletionStage<Void> deleteAllFor(Username user) {
        logins.values().removeIf(login -> login.user().equals(user));
        return DONE;
    }

    /** Drops every expired login; returns how many. */
    public int removeExpired() {
        Instant now = clock.instant();
        int before = logins.size();
        logins.values().removeIf(login -> login.isExpiredAt(now));
        return Math.max(0, before - logins.size());
    }

    /** Writes the live logins to a file of mode 0600, for the next start. Blocking. */
    public int writeSnapshot(Path file) throws IOException {
        Instant now = clock.instant();
        JsonArray list = new JsonArray();
        logins.values().stream().filter(login -> !login.isExpiredAt(now)).forEach(login -> list.add(new JsonObject()
                .put("selector", login.selector()).put("user", login.user().value()).put("hash", login.validatorHash())
                .put("previous", login.previousValidatorHash()).put("rotated", login.rotatedAt().toString())
                .put("version", Long.toString(login.credentialVersion())).put("expires", login.expiresAt().toString())));
        Snapshots.write(file, SNAPSHOT_FORMAT, "logins", list);
        return list.size();
    }

    /** Reads back what {@link #writeSnapshot} wrote and deletes the file, so an old one never brings back a forgotten login. Blocking. */
    public int readSnapshot(Path file) throws IOException {
        return Snapshots.readOnce(file, SNAPSHOT_FORMAT, "logins", json -> {
            RememberedLogin login = new RememberedLogin(json.getString("selector"), new Username(json.getString("user")),
                    json.getString("hash"), json.getString("previous"), Instant.parse(json.getString("rotated")),
                    Long.parseLong(json.getString("version")), Instant.parse(json.getString("expires")));
            if (login.isExpiredAt(clock.instant())) {
                return false;
            }
            logins.put(login.selector(), login);
            return true;
        });
    }
}
