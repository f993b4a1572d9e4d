package dev.gatehouse.application;

import dev.gatehouse.domain.AuditEvent;
import dev.gatehouse.domain.AuditLog;
import dev.gatehouse.domain.RememberedLogins;
import dev.gatehouse.domain.SessionRepository;
import dev.gatehouse.domain.SessionSummary;
import dev.gatehouse.domain.Username;

import java.util.List;
import java.util.Optional;
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

    /** Ends the chosen sessions, and forgets their users' remembered logins. */
    static CompletionStage<Void> end(SessionRepository sessions, RememberedLogins remembered, AuditLog audit, List<SessionSummary> chosen,
                                     String byWhom) {
        CompletionStage<Void> all = CompletableFuture.completedFuture(null);
        for (Username user : chosen.stream().map(SessionSummary::user).distinct().toList()) {
            all = all.thenCompose(previous -> remembered.deleteAllFor(user));
        }
        return all.thenCompose(forgotten -> endSessions(sessions, audit, chosen, byWhom));
    }

    /** Forgets every remembered login of the user, and ends every session of theirs, even when none is live. */
    static CompletionStage<Void> endEverything(SessionRepository sessions, RememberedLogins remembered, AuditLog audit, Username user,
                                               String byWhom) {
        return remembered.deleteAllFor(user)
                .thenCompose(forgotten -> sessions.listLoggedIn(Optional.of(user)))
                .thenCompose(all -> endSessions(sessions, audit, all, byWhom));
    }

    private static CompletionStage<Void> endSessions(SessionRepository sessions, AuditLog audit, List<SessionSummary> chosen, String byWhom) {
        CompletionStage<Void> all = CompletableFuture.completedFuture(null);
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
