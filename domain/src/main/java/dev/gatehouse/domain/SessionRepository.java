package dev.gatehouse.domain;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * Where sessions live between requests, keyed by {@link SessionId#storageKey()}. A repository
 * keeps a session no longer than its policy allows; whether a loaded session is still valid is
 * the {@link Session}'s own decision.
 */
public interface SessionRepository {

    CompletionStage<Optional<Session>> load(SessionId id);

    /** Stores a new session, or replaces one. */
    CompletionStage<Void> save(Session session);

    /**
     * Replaces a session only if it is still stored, so that a request racing a logout cannot bring
     * the deleted session back. Completes with false when there was nothing to replace.
     */
    CompletionStage<Boolean> update(Session session);

    CompletionStage<Void> delete(SessionId id);

    /**
     * The logged-in sessions of one user, or of every user; expired ones not yet removed may be
     * among them. For administration, never on a request's path.
     */
    CompletionStage<List<SessionSummary>> listLoggedIn(Optional<Username> user);

    /** Deletes the session stored under this key; completes with whether there was one. */
    CompletionStage<Boolean> deleteByKey(String storageKey);
}
