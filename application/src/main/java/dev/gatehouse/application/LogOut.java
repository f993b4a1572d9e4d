package dev.gatehouse.application;

import dev.gatehouse.domain.AuditEvent;
import dev.gatehouse.domain.AuditLog;
import dev.gatehouse.domain.RememberedLogins;
import dev.gatehouse.domain.SessionPolicy;
import dev.gatehouse.domain.SessionEnd;
import dev.gatehouse.domain.SessionRepository;

import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Ends a session on the server, when the request proves with the CSRF token that it comes from our
 * own form, and forgets the browser's remembered login with it.
 */
public final class LogOut {

    private final CurrentSession current;
    private final SessionRepository sessions;
    private final RememberedLogins remembered;
    private final AuditLog audit;

    public LogOut(SessionRepository sessions, RememberedLogins remembered, AuditLog audit, SessionPolicy policy, Clock clock) {
        this.current = new CurrentSession(sessions, audit, policy, clock);
        this.sessions = sessions;
        this.remembered = remembered;
        this.audit = audit;
    }

    public CompletionStage<LogOutResult> logOut(LogOutCommand command) {
        return current.find(command.sessionId()).thenCompose(found -> {
            if (found.isEmpty()) {
                return forgetRemembered(command).thenApply(forgotten -> new LogOutResult.LoggedOut());
            }
            if (!found.get().csrfMatches(command.csrfToken())) {
                return CompletableFuture.completedFuture(new LogOutResult.FormExpired());
            }
            if (found.get().isLoggedIn()) {
                audit.record(AuditEvent.ofSession(AuditEvent.Kind.LOGGED_OUT, found.get()));
            }
            // A session never logged in leaves no reason behind: nobody is told about it.
            CompletionStage<?> ended = found.get().isLoggedIn()
                    ? sessions.end(found.get().id().storageKey(), SessionEnd.LOGGED_OUT) : sessions.delete(found.get().id());
            return ended.thenCompose(deleted -> forgetRemembered(command)).thenApply(forgotten -> new LogOutResult.LoggedOut());
        });
    }

    /** Logging out forgets this browser's remembered login too: after it, the browser is nobody's until a password is typed again. */
    private CompletionStage<Void> forgetRemembered(LogOutCommand command) {
        return command.remembered().map(token -> remembered.delete(token.selectorKey())).orElse(CompletableFuture.completedFuture(null));
    }
}
