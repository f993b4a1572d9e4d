package dev.gatehouse.application;

import dev.gatehouse.domain.AuditEvent;
import dev.gatehouse.domain.AuditLog;
import dev.gatehouse.domain.SessionPolicy;
import dev.gatehouse.domain.SessionRepository;

import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** Ends a session on the server, when the request proves with the CSRF token that it comes from our own form. */
public final class LogOut {

    private final CurrentSession current;
    private final SessionRepository sessions;

    private final AuditLog audit;

    public LogOut(SessionRepository sessions, AuditLog audit, SessionPolicy policy, Clock clock) {
        this.current = new CurrentSession(sessions, audit, policy, clock);
        this.sessions = sessions;
        this.audit = audit;
    }

    public CompletionStage<LogoutResult> logOut(LogOutCommand command) {
        return current.find(command.sessionId()).thenCompose(found -> {
            if (found.isEmpty()) {
                return CompletableFuture.completedFuture(new LogoutResult.LoggedOut());
            }
            if (!found.get().csrfToken().matches(command.csrfToken())) {
                return CompletableFuture.completedFuture(new LogoutResult.FormExpired());
            }
            if (found.get().isLoggedIn()) {
                audit.record(AuditEvent.ofSession(AuditEvent.Kind.LOGGED_OUT, found.get()));
            }
            return sessions.delete(found.get().id()).thenApply(deleted -> new LogoutResult.LoggedOut());
        });
    }
}
