package dev.gatehouse.application;

import dev.gatehouse.domain.AuditLog;
import dev.gatehouse.domain.RememberedLogins;
import dev.gatehouse.domain.CsrfToken;
import dev.gatehouse.domain.SessionEnd;
import dev.gatehouse.domain.SessionRepository;
import dev.gatehouse.domain.SessionSummary;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * A logged-in user ends one of their own sessions (a lost phone, a shared computer), or every one
 * but the session they are using. Only their own: a handle of someone else's session ends nothing.
 */
public final class EndOwnSessions {




    private final ListOwnSessions listOwnSessions;
    private final SessionRepository sessions;
    private final RememberedLogins remembered;
    private final AuditLog audit;

    public EndOwnSessions(ListOwnSessions listOwnSessions, SessionRepository sessions, RememberedLogins remembered, AuditLog audit) {
        this.listOwnSessions = listOwnSessions;
        this.sessions = sessions;
        this.remembered = remembered;
        this.audit = audit;
    }

    public CompletionStage<EndOwnSessionsResult> end(EndOwnSessionsCommand command) {
        return listOwnSessions.list(command.sessionId()).thenCompose(found -> {
            if (found.isEmpty()) {
                return CompletableFuture.completedFuture(new EndOwnSessionsResult.NotLoggedIn());
            }
            ListOwnSessions.OwnSessions own = found.get();
            if (!new CsrfToken(own.csrfToken()).matches(command.csrfToken())) {
                return CompletableFuture.completedFuture(new EndOwnSessionsResult.FormExpired());
            }
            List<SessionSummary> chosen = own.sessions().stream()
                    .filter(session -> command.which().includes(session, own.currentHandle()))
                    .toList();
            return Revocations.end(sessions, remembered, audit, chosen, SessionEnd.ENDED_BY_USER).thenApply(done -> new EndOwnSessionsResult.Ended(chosen.size()));
        });
    }
}
