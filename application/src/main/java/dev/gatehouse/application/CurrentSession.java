package dev.gatehouse.application;

import dev.gatehouse.domain.AuditEvent;
import dev.gatehouse.domain.AuditLog;
import dev.gatehouse.domain.Session;
import dev.gatehouse.domain.SessionId;
import dev.gatehouse.domain.SessionPolicy;
import dev.gatehouse.domain.SessionRepository;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The session a request's cookie names, logged in or not: loaded, removed if it has expired, and
 * with its activity recorded when the recorded time has gone stale. It does not check that a
 * login still holds (the user's credential version): that is {@link Greet}'s question. Only the
 * use cases that replace or end whatever session there is ({@link OpenLoginForm}, {@link LogIn},
 * {@link LogOut}, {@link CompleteLogin}) and {@link Greet} itself ask this; package-private, so nothing else can.
 */
final class CurrentSession {

    private static final CompletionStage<Optional<Session>> NONE = CompletableFuture.completedFuture(Optional.empty());

    private final SessionRepository sessions;
    private final AuditLog audit;
    private final SessionPolicy policy;
    private final Clock clock;

    CurrentSession(SessionRepository sessions, AuditLog audit, SessionPolicy policy, Clock clock) {
        this.sessions = sessions;
        this.audit = audit;
        this.policy = policy;
        this.clock = clock;
    }

    CompletionStage<Optional<Session>> find(Optional<SessionId> id) {
        return id.isEmpty() ? NONE : find(id.get());
    }

    CompletionStage<Optional<Session>> find(SessionId id) {
        return sessions.load(id).thenCompose(loaded -> {
            if (loaded.isEmpty()) {
                return NONE;
            }
            Session session = loaded.get();
            Instant now = clock.instant();
            if (session.isExpiredAt(now, policy)) {
                if (session.isLoggedIn()) {
                    audit.record(AuditEvent.ofSession(AuditEvent.Kind.SESSION_TIMED_OUT, session));
                }
                return sessions.delete(id).thenCompose(deleted -> NONE);
            }
            if (!session.needsTouchAt(now, policy)) {
                return CompletableFuture.completedFuture(loaded);
            }
            Session touched = session.touchedAt(now);
            // When a logout has won the race the session is gone, and it stays gone.
            return sessions.touch(id, now).thenApply(stillThere -> stillThere ? Optional.of(touched) : Optional.<Session>empty());
        });
    }
}
