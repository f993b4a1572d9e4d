package dev.gatehouse.application;

import dev.gatehouse.domain.AuditEvent;
import dev.gatehouse.domain.AuditLog;
import dev.gatehouse.domain.RememberedLogins;
import dev.gatehouse.domain.SessionRepository;
import dev.gatehouse.domain.SessionSummary;
import dev.gatehouse.domain.Username;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Ending sessions from outside them, one after the other, each one that was still there audited as
 * revoked. Their users' remembered logins are forgotten too: otherwise a lost device's "remember
 * me" cookie would log it straight back in.
 */
final class Revocations {

    private Revocations() {
    }

    static CompletionStage<Void> end(SessionRepository sessions, RememberedLogins remembered, AuditLog audit, List<SessionSummary> chosen,
                                     String byWhom) {
        CompletionStage<Void> all = CompletableFuture.completedFuture(null);
        for (Username user : chosen.stream().map(SessionSummary::user).distinct().toList()) {
            all = all.thenCompose(previous -> remembered.deleteAllFor(user));
        }
        for (SessionSummary session : chosen) {
            all = all.thenCompose(previous -> sessions.deleteByKey(session.storageKey())).thenApply(deleted -> {
                if (deleted) {
                    audit.record(new AuditEvent(AuditEvent.Kind.SESSION_REVOKED, session.user(), session.handle(), null, byWhom));
                }
                return null;
            });
        }
        return all;
    }
}
