package dev.gatehouse.adapter.vertx.session;

import dev.gatehouse.domain.Session;
import dev.gatehouse.domain.SessionId;
import dev.gatehouse.domain.SessionPolicy;
import dev.gatehouse.domain.SessionRepository;
import dev.gatehouse.domain.SessionSummary;
import dev.gatehouse.domain.Username;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The embedded session store: a concurrent map in this process, keyed by the hash of the
 * session id. Every answer is an already completed stage, so the hot path pays nothing for the
 * asynchronous port. Sessions that have expired are dropped by {@link #removeExpired()}, which
 * the composition root calls on a timer. It lives and dies with the process, and is not shared
 * between servers: use the Redis store for that.
 */
public final class InMemorySessionRepository implements SessionRepository {

    private static final CompletionStage<Void> DONE = CompletableFuture.completedFuture(null);
    private static final CompletionStage<Boolean> TRUE = CompletableFuture.completedFuture(true);
    private static final CompletionStage<Boolean> FALSE = CompletableFuture.completedFuture(false);

    private final ConcurrentHashMap<String, Session> sessions = new ConcurrentHashMap<>();
    private final SessionPolicy policy;
    private final Clock clock;

    public InMemorySessionRepository(SessionPolicy policy, Clock clock) {
        this.policy = policy;
        this.clock = clock;
    }

    @Override
    public CompletionStage<Optional<Session>> load(SessionId id) {
        return CompletableFuture.completedFuture(Optional.ofNullable(sessions.get(id.storageKey())));
    }

    @Override
    public CompletionStage<Void> save(Session session) {
        sessions.put(session.id().storageKey(), session);
        return DONE;
    }

    @Override
    public CompletionStage<Boolean> update(Session session) {
        return sessions.computeIfPresent(session.id().storageKey(), (key, old) -> session) != null ? TRUE : FALSE;
    }

    @Override
    public CompletionStage<Void> delete(SessionId id) {
        sessions.remove(id.storageKey());
        return DONE;
    }

    @Override
    public CompletionStage<List<SessionSummary>> listLoggedIn(Optional<Username> user) {
        List<SessionSummary> found = sessions.values().stream()
                .filter(session -> session.isLoggedIn() && (user.isEmpty() || session.user().equals(user)))
                .map(Session::summary)
                .toList();
        return CompletableFuture.completedFuture(found);
    }

    @Override
    public CompletionStage<Boolean> deleteByKey(String storageKey) {
        return sessions.remove(storageKey) != null ? TRUE : FALSE;
    }

    /** Drops every session that has expired; returns how many. */
    public int removeExpired() {
        Instant now = clock.instant();
        int before = sessions.size();
        sessions.values().removeIf(session -> session.isExpiredAt(now, policy));
        return Math.max(0, before - sessions.size());
    }

    public int size() {
        return sessions.size();
    }
}
