package dev.gatehouse.application;

import dev.gatehouse.domain.AuditEvent;
import dev.gatehouse.domain.AuditLog;
import dev.gatehouse.domain.SessionEnd;
import dev.gatehouse.domain.SessionId;
import dev.gatehouse.domain.SessionPolicy;
import dev.gatehouse.domain.SessionRepository;
import dev.gatehouse.domain.SessionSummary;
import dev.gatehouse.domain.Username;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * How many sessions one user may hold at once. A login beyond that ends the user's oldest
 * sessions (by when they logged in), never the new one, and the audit log says so: logging in
 * again and again, by hand or by script, cannot fill the store.
 */
final class SessionCap {

    private static final CompletionStage<Void> DONE = CompletableFuture.completedFuture(null);

    private final SessionRepository sessions;
    private final AuditLog audit;
    private final int maxPerUser;

    SessionCap(SessionRepository sessions, AuditLog audit, SessionPolicy policy) {
        this.sessions = sessions;
        this.audit = audit;
        this.maxPerUser = policy.maxPerUser();
    }

    /** After {@code kept} has logged in as {@code user}: ends the oldest others while there are too many. */
    CompletionStage<Void> enforce(Username user, SessionId kept) {
        return sessions.listLoggedIn(Optional.of(user)).thenCompose(held -> {
            if (held.size() <= maxPerUser) {
                return DONE;
            }
            List<SessionSummary> oldestFirst = held.stream()
                    .filter(session -> !session.storageKey().equals(kept.storageKey()))
                    .sorted(Comparator.comparing(SessionSummary::createdAt))
                    .limit(held.size() - maxPerUser)
                    .toList();
            CompletionStage<Void> ended = DONE;
            for (SessionSummary oldest : oldestFirst) {
                ended = ended.thenCompose(previous -> sessions.end(oldest.storageKey(), SessionEnd.TOO_MANY_SESSIONS)).thenAccept(deleted -> {
                    if (deleted) {
                        audit.record(new AuditEvent(AuditEvent.Kind.SESSION_EVICTED, user, oldest.handle(), null,
                                "more than " + maxPerUser + " sessions"));
                    }
                });
            }
            return ended;
        });
    }
}
