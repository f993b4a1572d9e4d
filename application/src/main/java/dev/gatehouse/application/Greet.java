package dev.gatehouse.application;

import dev.gatehouse.domain.AuditEvent;
import dev.gatehouse.domain.AuditLog;
import dev.gatehouse.domain.CredentialVersions;
import dev.gatehouse.domain.Session;
import dev.gatehouse.domain.SessionEnd;
import dev.gatehouse.domain.SessionId;
import dev.gatehouse.domain.SessionPolicy;
import dev.gatehouse.domain.SessionRepository;

import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Who is this? The hot path: one repository read, one look at the user's credential version (in
 * memory), a write only when the session's idle window must move, and no hashing. A session whose
 * user is gone, disabled or has changed password since login is ended here (S10), in whatever
 * store holds it and whichever process changed the user.
 *
 * <p>Every use case that acts for a logged-in user asks this, never {@link CurrentSession}: only
 * this answer has checked that the login still holds. The web, the JSON API and the terminal ask
 * {@link Identify}, which asks this and then tries a remembered login.
 */
public final class Greet {

    private static final CompletionStage<Greeting> NOT_LOGGED_IN = CompletableFuture.completedFuture(new Greeting.NotLoggedIn(Optional.empty()));

    private final CurrentSession current;
    private final SessionRepository sessions;
    private final CredentialVersions credentials;
    private final AuditLog audit;

    public Greet(SessionRepository sessions, CredentialVersions credentials, AuditLog audit, SessionPolicy policy, Clock clock) {
        this.current = new CurrentSession(sessions, audit, policy, clock);
        this.sessions = sessions;
        this.credentials = credentials;
        this.audit = audit;
    }

    public CompletionStage<Greeting> greet(Optional<SessionId> sessionId) {
        if (sessionId.isEmpty()) {
            return NOT_LOGGED_IN;
        }
        return current.find(sessionId.get()).thenCompose(found -> {
            if (found.isEmpty()) {
                // The cookie's signature says we issued this id: its session has ended since. Every end
                // but a timeout leaves its reason (Redis expires a session without leaving one).
                return sessions.howEnded(sessionId.get()).thenApply(why -> ended(why.orElse(SessionEnd.TIMED_OUT)));
            }
            if (!found.get().isLoggedIn()) {
                return NOT_LOGGED_IN;
            }
            Session session = found.get();
            return credentials.current(session.user().orElseThrow()).thenCompose(version -> {
                if (CredentialVersions.stillHolds(version, session.credentialVersion())) {
                    return CompletableFuture.completedFuture(new Greeting.Welcome(session.user().orElseThrow(), session));
                }
                audit.record(AuditEvent.ofSession(AuditEvent.Kind.SESSION_ENDED_CREDENTIALS_CHANGED, session));
                SessionEnd why = SessionEnd.credentialsChanged(version);
                return sessions.end(session.id().storageKey(), why).thenApply(deleted -> ended(why));
            });
        });
    }

    private static Greeting ended(SessionEnd why) {
        return new Greeting.NotLoggedIn(Optional.of(why));
    }
}
