package dev.gatehouse.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * Where sessions live between requests, keyed by {@link SessionId#storageKey()}. A repository
 * keeps a session no longer than its policy allows; whether a loaded session is still valid is
 * the {@link Session}'s own decision.
 *
 * <p>Changes to a stored session are made field by field ({@link #touch}, {@link #putAttribute}),
 * never by writing back a whole session that was read earlier: two requests on one session can
 * then never undo each other's change (S21), and none can bring back a session that was deleted
 * while it ran.
 */
public interface SessionRepository {

    CompletionStage<Optional<Session>> load(SessionId id);

    /** Stores a new session, or replaces one. */
    CompletionStage<Void> save(Session session);

    /**
     * Records activity: moves the session's last-seen time forward to {@code lastSeenAt} (never
     * back), and nothing else. Completes with false, changing nothing, when the session is gone.
     */
    CompletionStage<Boolean> touch(SessionId id, Instant lastSeenAt);

    /** Sets one attribute of a stored session, and nothing else. Completes with false, changing nothing, when it is gone. */
    CompletionStage<Boolean> putAttribute(SessionId id, String name, String value);

    /** Forgets a session without a trace: one replaced by a new one (login, password change) or never logged in. */
    CompletionStage<Void> delete(SessionId id);

    /**
     * Ends the session stored under this key and, when there was one, keeps why for
     * {@link SessionEnd#KEPT_FOR}, for {@link #howEnded}. Completes with whether there was one.
     */
    CompletionStage<Boolean> end(String storageKey, SessionEnd why);

    /** Why the session of this id ended, if it was ended with {@link #end} within {@link SessionEnd#KEPT_FOR}. */
    CompletionStage<Optional<SessionEnd>> howEnded(SessionId id);

    /**
     * The logged-in sessions of one user, or of every user; expired ones not yet removed may be
     * among them. For administration, never on a request's path.
     */
    CompletionStage<List<SessionSummary>> listLoggedIn(Optional<Username> user);
}
