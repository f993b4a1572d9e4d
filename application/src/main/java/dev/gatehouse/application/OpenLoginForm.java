package dev.gatehouse.application;

import dev.gatehouse.domain.AuditLog;
import dev.gatehouse.domain.Channel;
import dev.gatehouse.domain.Session;
import dev.gatehouse.domain.SessionId;
import dev.gatehouse.domain.SessionPolicy;
import dev.gatehouse.domain.SessionRepository;

import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Shows the login form. It is the first thing an anonymous visitor needs a session for: the
 * form's CSRF token is bound to one. A live session is reused; otherwise a new anonymous one
 * starts (an id the visitor made up or that has expired is never adopted).
 */
public final class OpenLoginForm {

    private final CurrentSession current;
    private final SessionRepository sessions;
    private final Clock clock;

    public OpenLoginForm(SessionRepository sessions, AuditLog audit, SessionPolicy policy, Clock clock) {
        this.current = new CurrentSession(sessions, audit, policy, clock);
        this.sessions = sessions;
        this.clock = clock;
    }

    /** Opens the form for the session a request came with, if any; a new session is tagged with the channel. */
    public CompletionStage<LoginForm> open(Optional<SessionId> sessionId, Channel channel) {
        return current.find(sessionId).thenCompose(found -> {
            if (found.isPresent()) {
                return CompletableFuture.completedFuture(new LoginForm(found.get(), false));
            }
            Session started = Session.startAnonymous(channel, clock.instant());
            return sessions.save(started).thenApply(saved -> new LoginForm(started, true));
        });
    }
}
