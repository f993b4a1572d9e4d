package dev.gatehouse.application;

import dev.gatehouse.domain.AuditEvent;
import dev.gatehouse.domain.AuditLog;
import dev.gatehouse.domain.RememberedLogins;
import dev.gatehouse.domain.SessionEnd;
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
                                     SessionEnd why) {
        CompletionStage<Void> all = CompletableFuture.completedFuture(null);
        for (Username user : chosen.stream().map(SessionSummary::user).distinct().toList()) {
            all = all.thenCompose(previous -> remembered.deleteAllFor(user));
        }
        return all.thenCompose(forgotten -> endSessions(sessions, audit, chosen, why));
    }

    /** Forgets every remembered login of the user, and ends every session of theirs, even when none is live. */
    static CompletionStage<Void> endEverything(SessionRepository sessions, RememberedLogins remembered, AuditLog audit, Username user,
                                               SessionEnd why) {
        return remembered.deleteAllFor(user)
                .thenCompose(forgotten -> sessions.listLoggedIn(Optional.of(user)))
                .thenCompose(all -> endSessions(sessions, audit, all, why));
    }

    private static CompletionStage<Void> endSessions(SessionRepository sessions, AuditLog audit, List<SessionSummary> chosen, SessionEnd why) {
        CompletionStage<Void> all = CompletableFuture.completedFuture(null);
        for (SessionSummary session : chosen) {
            all = all.thenCompose(previous -> sessions.end(session.storageKey(), why)).thenApply(deleted -> {
                if (deleted) {
                    audit.record(new AuditEvent(AuditEvent.Kind.SESSION_REVOKED, session.user(), session.handle(), null, auditDetail(why)));
                }
                return null;
            });
        }
        return all;
    }

    /** What the audit log has always said of who ended the sessions. */
    private static String auditDetail(SessionEnd why) {
        return switch (why) {
            case ENDED_BY_USER -> "by the user";
            case ENDED_BY_ADMINISTRATOR -> "by an administrator";
            case REMEMBERED_LOGIN_COPIED -> "remembered login used twice";
            case TIMED_OUT, LOGGED_OUT, PASSWORD_CHANGED, TOO_MANY_SESSIONS -> why.name().toLowerCase(java.util.Locale.ROOT);
        };
    }
}
