package dev.gatehouse.application;

import dev.gatehouse.domain.Session;
import dev.gatehouse.domain.SessionEnd;
import dev.gatehouse.domain.SessionId;
import dev.gatehouse.domain.SessionRepository;
import dev.gatehouse.domain.SessionSummary;
import dev.gatehouse.domain.Username;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

/**
 * A session repository in a map that counts its writes; {@code beforeUpdate} lets a test race an
 * update. It passes SessionRepositoryContract, as the real stores do.
 */
public final class FakeSessions implements SessionRepository {

    public final Map<SessionId, Session> stored = new ConcurrentHashMap<>();
    volatile int writes;
    Runnable beforeUpdate = () -> { };
    /** Sessions the fake lists (and can delete) without holding them, for storage keys a test chooses. */
    final List<SessionSummary> summariesOnly = new CopyOnWriteArrayList<>();
    private final Map<String, SessionEnd> endings = new ConcurrentHashMap<>();

    @Override
    public CompletionStage<Optional<Session>> load(SessionId id) {
        return CompletableFuture.completedFuture(Optional.ofNullable(stored.get(id)));
    }

    @Override
    public CompletionStage<Void> save(Session session) {
        writes++;
        stored.put(session.id(), session);
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletionStage<Boolean> touch(SessionId id, Instant lastSeenAt) {
        beforeUpdate.run();
        writes++;
        return CompletableFuture.completedFuture(stored.computeIfPresent(id, (key, session) -> session.touchedAt(lastSeenAt)) != null);
    }

    @Override
    public CompletionStage<Boolean> putAttribute(SessionId id, String name, String value) {
        writes++;
        return CompletableFuture.completedFuture(stored.computeIfPresent(id, (key, session) -> session.withAttribute(name, value)) != null);
    }

    @Override
    public CompletionStage<Void> delete(SessionId id) {
        writes++;
        stored.remove(id);
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletionStage<List<SessionSummary>> listLoggedIn(Optional<Username> user) {
        Stream<SessionSummary> held = stored.values().stream().filter(Session::isLoggedIn).map(Session::summary);
        return CompletableFuture.completedFuture(Stream.concat(held, summariesOnly.stream())
                .filter(summary -> user.isEmpty() || summary.user().equals(user.get()))
                .toList());
    }

    @Override
    public CompletionStage<Boolean> end(String storageKey, SessionEnd why) {
        writes++;
        boolean held = stored.values().removeIf(session -> session.id().storageKey().equals(storageKey));
        boolean listedOnly = summariesOnly.removeIf(summary -> summary.storageKey().equals(storageKey));
        if (held || listedOnly) {
            endings.put(storageKey, why);
        }
        return CompletableFuture.completedFuture(held || listedOnly);
    }

    /** Why a session ended; kept for good (a test is over long before {@link SessionEnd#KEPT_FOR}). */
    @Override
    public CompletionStage<Optional<SessionEnd>> howEnded(SessionId id) {
        return CompletableFuture.completedFuture(Optional.ofNullable(endings.get(id.storageKey())));
    }
}
