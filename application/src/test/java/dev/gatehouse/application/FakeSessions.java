package dev.gatehouse.application;

import dev.gatehouse.domain.Session;
import dev.gatehouse.domain.SessionId;
import dev.gatehouse.domain.SessionRepository;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** A session repository in a map that counts its writes; {@code beforeUpdate} lets a test race an update. */
final class FakeSessions implements SessionRepository {

    final Map<SessionId, Session> stored = new HashMap<>();
    int writes;
    Runnable beforeUpdate = () -> { };

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
    public CompletionStage<Boolean> update(Session session) {
        beforeUpdate.run();
        writes++;
        return CompletableFuture.completedFuture(stored.replace(session.id(), session) != null);
    }

    @Override
    public CompletionStage<Void> delete(SessionId id) {
        writes++;
        stored.remove(id);
        return CompletableFuture.completedFuture(null);
    }
}
