package dev.gatehouse.adapter.vertx.driven.memory;

import dev.gatehouse.adapter.vertx.driven.file.EndedJournal;
import dev.gatehouse.adapter.vertx.driven.file.Snapshots;
import dev.gatehouse.domain.RememberMeToken;
import dev.gatehouse.domain.RememberedLogin;
import dev.gatehouse.domain.RememberedLogins;
import dev.gatehouse.domain.Username;

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

    private static final String SNAPSHOT_FORMAT = "gatehouse-remembered-logins/2";
    /** The format before one line per login, with selectors in the clear: read after an upgrade, never written. */
    private static final String FIRST_SNAPSHOT_FORMAT = "gatehouse-remembered-logins-1";
    /** What the journal calls a forgotten login, and all of a user's forgotten. */
    static final char FORGOTTEN = 'r';
    static final char ALL_FORGOTTEN = 'u';
    private static final CompletionStage<Void> DONE = CompletableFuture.completedFuture(null);

    private final Map<String, RememberedLogin> logins = new ConcurrentHashMap<>();
    private final Clock clock;
    private final EndedJournal journal;

    public InMemoryRememberedLogins(Clock clock) {
        this(clock, EndedJournal.none());
    }

    /** Kept over restarts by snapshots, with every login forgotten between two of them noted in the journal. */
    public InMemoryRememberedLogins(Clock clock, EndedJournal journal) {
        this.clock = clock;
        this.journal = journal;
    }

    @Override
    public CompletionStage<Void> save(RememberedLogin login) {
        logins.put(login.selectorKey(), login);
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
    public CompletionStage<Void> delete(String selectorKey) {
        if (logins.remove(selectorKey) != null) {
            journal.record(FORGOTTEN, selectorKey);
        }
        return DONE;
    }

    @Override
    public CompletionStage<Void> deleteAllFor(Username user) {
        logins.values().removeIf(login -> login.user().equals(user));
        journal.record(ALL_FORGOTTEN, user.value());
        return DONE;
    }

    /** Drops every expired login; returns how many. */
    public int removeExpired() {
        Instant now = clock.instant();
        int before = logins.size();
        logins.values().removeIf(login -> login.isExpiredAt(now));
        return Math.max(0, before - logins.size());
    }

    /** Writes the live logins to a file of mode 0600, one line each, hashes only, for the next start. Blocking. */
    public int writeSnapshot(Path file) throws IOException {
        Instant now = clock.instant();
        return Snapshots.write(file, SNAPSHOT_FORMAT, entry -> logins.values().stream().filter(login -> !login.isExpiredAt(now))
                .forEach(login -> entry.accept(json -> {
                    json.writeStringField("key", login.selectorKey());
                    json.writeStringField("user", login.user().value());
                    json.writeStringField("hash", login.validatorHash());
                    json.writeStringField("previous", login.previousValidatorHash());
                    json.writeStringField("rotated", login.rotatedAt().toString());
                    json.writeStringField("version", Long.toString(login.credentialVersion()));
                    json.writeStringField("expires", login.expiresAt().toString());
                })));
    }

    /**
     * Reads back what {@link #writeSnapshot} wrote, leaving out what has expired. A snapshot of the
     * first format named logins by their selector in the clear: those are hashed as they are read.
     * A damaged file is moved aside ({@link dev.gatehouse.adapter.vertx.driven.file.Snapshots.Corrupt}). Blocking.
     */
    public int readSnapshot(Path file) throws IOException {
        return Snapshots.read(file, SNAPSHOT_FORMAT, FIRST_SNAPSHOT_FORMAT, "logins", json -> {
            String key = json.containsKey("key") ? json.getString("key") : RememberMeToken.keyOf(json.getString("selector"));
            RememberedLogin login = new RememberedLogin(key, new Username(json.getString("user")),
                    json.getString("hash"), json.getString("previous"), Instant.parse(json.getString("rotated")),
                    Long.parseLong(json.getString("version")), Instant.parse(json.getString("expires")));
            if (login.isExpiredAt(clock.instant())) {
                return false;
            }
            logins.put(login.selectorKey(), login);
            return true;
        });
    }

    /** Forgets again, after a restart, what the journal says was forgotten after the snapshot was written. */
    public void endAgain(char kind, String name) {
        if (kind == FORGOTTEN) {
            logins.remove(name);
        } else if (kind == ALL_FORGOTTEN) {
            logins.values().removeIf(login -> login.user().value().equals(name));
        }
    }
}
