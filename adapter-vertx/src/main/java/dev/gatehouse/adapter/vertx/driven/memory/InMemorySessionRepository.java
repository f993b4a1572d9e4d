package dev.gatehouse.adapter.vertx.driven.memory;

import dev.gatehouse.adapter.vertx.driven.EpochNanos;
import dev.gatehouse.adapter.vertx.driven.file.EndedJournal;
import dev.gatehouse.adapter.vertx.driven.file.Snapshots;
import dev.gatehouse.domain.Channel;
import dev.gatehouse.domain.CsrfToken;
import dev.gatehouse.domain.Session;
import dev.gatehouse.domain.SessionEnd;
import dev.gatehouse.domain.SessionId;
import dev.gatehouse.domain.SessionPolicy;
import dev.gatehouse.domain.SessionRepository;
import dev.gatehouse.domain.SessionSummary;
import dev.gatehouse.domain.Username;


import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The embedded session store: a concurrent map in this process, keyed by the hash of the
 * session id. It keeps everything of a session but its id, so a heap dump holds no usable id
 * (and an idle session costs under 300 bytes). Every answer is an already completed stage, so
 * the hot path pays nothing for the asynchronous port. Sessions that have expired are dropped by
 * {@link #removeExpired()}, which the composition root calls on a timer. It lives and dies with
 * the process, and is not shared between servers: use the Redis store for that.
 */
public final class InMemorySessionRepository implements SessionRepository {

    private static final String SNAPSHOT_FORMAT = "gatehouse-sessions/2";
    /** The format before one line per session: read after an upgrade, never written. */
    private static final String FIRST_SNAPSHOT_FORMAT = "gatehouse-sessions/1";
    /** What the journal calls an ended session. */
    static final char ENDED = 's';
    private static final CompletionStage<Void> DONE = CompletableFuture.completedFuture(null);
    private static final CompletionStage<Boolean> TRUE = CompletableFuture.completedFuture(true);
    private static final CompletionStage<Boolean> FALSE = CompletableFuture.completedFuture(false);

    private final ConcurrentHashMap<String, Stored> sessions = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Ending> endings = new ConcurrentHashMap<>();
    private final SessionPolicy policy;
    private final Clock clock;
    private final EndedJournal journal;

    /** A store whose sessions live and die with the process. */
    public InMemorySessionRepository(SessionPolicy policy, Clock clock) {
        this(policy, clock, EndedJournal.none());
    }

    /** A store kept over restarts by snapshots, with every session ended between two of them noted in the journal. */
    public InMemorySessionRepository(SessionPolicy policy, Clock clock, EndedJournal journal) {
        this.policy = policy;
        this.clock = clock;
        this.journal = journal;
    }

    /** A session without its id; instants as nanoseconds since the epoch (good until 2262), which take no object of their own. */
    private record Stored(Username user, long credentialVersion, Channel channel, String device, CsrfToken csrfToken, Map<String, String> attributes,
                          long createdAtNanos, long lastSeenAtNanos) {

        static Stored of(Session session) {
            return new Stored(session.user().orElse(null), session.credentialVersion(), session.channel(), session.device(), session.csrfToken(),
                    session.attributes(), EpochNanos.of(session.createdAt()), EpochNanos.of(session.lastSeenAt()));
        }

        Session withId(SessionId id) {
            return new Session(id, Optional.ofNullable(user), credentialVersion, channel, device, csrfToken, attributes,
                    EpochNanos.toInstant(createdAtNanos), EpochNanos.toInstant(lastSeenAtNanos));
        }

        SessionSummary summary(String storageKey) {
            return new SessionSummary(storageKey, user, channel, device, EpochNanos.toInstant(createdAtNanos), EpochNanos.toInstant(lastSeenAtNanos),
                    credentialVersion);
        }

        Stored seenAt(long nanos) {
            return nanos <= lastSeenAtNanos ? this
                    : new Stored(user, credentialVersion, channel, device, csrfToken, attributes, createdAtNanos, nanos);
        }

        Stored withAttribute(String name, String value) {
            Map<String, String> changed = new HashMap<>(attributes);
            changed.put(name, value);
            return new Stored(user, credentialVersion, channel, device, csrfToken, Map.copyOf(changed), createdAtNanos, lastSeenAtNanos);
        }

        boolean isExpiredAt(Instant now, SessionPolicy policy) {
            return !now.isBefore(policy.expiresAt(EpochNanos.toInstant(createdAtNanos), EpochNanos.toInstant(lastSeenAtNanos)));
        }

    }

    @Override
    public CompletionStage<Optional<Session>> load(SessionId id) {
        Stored stored = sessions.get(id.storageKey());
        return CompletableFuture.completedFuture(stored == null ? Optional.empty() : Optional.of(stored.withId(id)));
    }

    @Override
    public CompletionStage<Void> save(Session session) {
        sessions.put(session.id().storageKey(), Stored.of(session));
        return DONE;
    }

    @Override
    public CompletionStage<Boolean> touch(SessionId id, Instant lastSeenAt) {
        long nanos = EpochNanos.of(lastSeenAt);
        return sessions.computeIfPresent(id.storageKey(), (key, stored) -> stored.seenAt(nanos)) != null ? TRUE : FALSE;
    }

    @Override
    public CompletionStage<Boolean> putAttribute(SessionId id, String name, String value) {
        return sessions.computeIfPresent(id.storageKey(), (key, stored) -> stored.withAttribute(name, value)) != null ? TRUE : FALSE;
    }

    @Override
    public CompletionStage<Void> delete(SessionId id) {
        if (sessions.remove(id.storageKey()) != null) {
            journal.record(ENDED, id.storageKey());
        }
        return DONE;
    }

    @Override
    public CompletionStage<List<SessionSummary>> listLoggedIn(Optional<Username> user) {
        List<SessionSummary> found = sessions.entrySet().stream()
                .filter(entry -> entry.getValue().user() != null && (user.isEmpty() || user.get().equals(entry.getValue().user())))
                .map(entry -> entry.getValue().summary(entry.getKey()))
                .toList();
        return CompletableFuture.completedFuture(found);
    }

    @Override
    public CompletionStage<Boolean> end(String storageKey, SessionEnd why) {
        if (sessions.remove(storageKey) == null) {
            return FALSE;
        }
        journal.record(ENDED, storageKey);
        endings.put(storageKey, new Ending(why, clock.instant().plus(SessionEnd.KEPT_FOR)));
        return TRUE;
    }

    @Override
    public CompletionStage<Optional<SessionEnd>> howEnded(SessionId id) {
        Ending ending = endings.get(id.storageKey());
        return CompletableFuture.completedFuture(ending == null || !clock.instant().isBefore(ending.keptUntil())
                ? Optional.empty() : Optional.of(ending.why()));
    }

    /** Why a session ended, and until when that is told: not written to snapshots, so a restart forgets it. */
    private record Ending(SessionEnd why, Instant keptUntil) {
    }

    /**
     * Writes the live sessions to a file of mode 0600, one line each, so that the next start of
     * this server can read them back ({@link #readSnapshot}) and a restart logs nobody out. Like
     * the store, the file holds no session id, only the hash each session is kept under. Blocking.
     */
    public int writeSnapshot(Path file) throws IOException {
        Instant now = clock.instant();
        return Snapshots.write(file, SNAPSHOT_FORMAT, entry -> sessions.forEach((key, stored) -> {
            if (!stored.isExpiredAt(now, policy)) {
                entry.accept(json -> {
                    json.writeStringField("key", key);
                    json.writeStringField("user", stored.user() == null ? null : stored.user().value());
                    json.writeStringField("version", Long.toString(stored.credentialVersion()));
                    json.writeStringField("channel", stored.channel().name());
                    json.writeStringField("device", stored.device());
                    json.writeStringField("csrf", stored.csrfToken().value());
                    json.writeObjectFieldStart("attributes");
                    for (Map.Entry<String, String> attribute : stored.attributes().entrySet()) {
                        json.writeStringField(attribute.getKey(), attribute.getValue());
                    }
                    json.writeEndObject();
                    json.writeStringField("created", Long.toString(stored.createdAtNanos()));
                    json.writeStringField("seen", Long.toString(stored.lastSeenAtNanos()));
                });
            }
        }));
    }

    /**
     * Reads back what {@link #writeSnapshot} wrote, leaving out what has expired since. A damaged
     * file is moved aside ({@link Snapshots.Corrupt}); what was read before the damage is kept. Blocking.
     */
    public int readSnapshot(Path file) throws IOException {
        Instant now = clock.instant();
        return Snapshots.read(file, SNAPSHOT_FORMAT, FIRST_SNAPSHOT_FORMAT, "sessions", json -> {
            Map<String, String> attributes = new HashMap<>();
            json.getJsonObject("attributes").forEach(attribute -> attributes.put(attribute.getKey(), String.valueOf(attribute.getValue())));
            String user = json.getString("user");
            Stored stored = new Stored(user == null ? null : new Username(user), Long.parseLong(json.getString("version")),
                    Channel.valueOf(json.getString("channel")), json.getString("device"), new CsrfToken(json.getString("csrf")),
                    Map.copyOf(attributes), Long.parseLong(json.getString("created")), Long.parseLong(json.getString("seen")));
            if (stored.isExpiredAt(now, policy)) {
                return false;
            }
            sessions.put(Objects.requireNonNull(json.getString("key")), stored);
            return true;
        });
    }

    /** Ends again, after a restart, a session the journal says was ended after the snapshot was written. */
    public void endAgain(char kind, String storageKey) {
        if (kind == ENDED) {
            sessions.remove(storageKey);
        }
    }

    /** Drops every session that has expired, and the reasons kept long enough; returns how many sessions. */
    public int removeExpired() {
        Instant now = clock.instant();
        endings.values().removeIf(ending -> !now.isBefore(ending.keptUntil()));
        int before = sessions.size();
        sessions.values().removeIf(session -> session.isExpiredAt(now, policy));
        return Math.max(0, before - sessions.size());
    }

    public int size() {
        return sessions.size();
    }
}
