package dev.gatehouse.application;

import dev.gatehouse.domain.Session;
import dev.gatehouse.domain.SessionId;
import dev.gatehouse.domain.SessionPolicy;
import dev.gatehouse.domain.SessionRepository;

import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Who is this? The hot path: one repository read, a write only when the session's idle window
 * must move (or when it has expired and is removed), and no hashing.
 */
public final class Greet {

    private static final CompletionStage<Greeting> NOT_LOGGED_IN = CompletableFuture.completedFuture(new Greeting.NotLoggedIn());

    private final CurrentSession current;

    public Greet(SessionRepository sessions, SessionPolicy policy, Clock clock) {
        this.current = new CurrentSession(sessions, policy, clock);
    }

    public CompletionStage<Greeting> greet(Optional<SessionId> sessionId) {
        if (sessionId.isEmpty()) {
            return NOT_LOGGED_IN;
        }
        return current.find(sessionId.get()).thenApply(found -> found
                .filter(Session::isLoggedIn)
                .<Greeting>map(session -> new Greeting.Welcome(session.user().orElseThrow(), session))
                .orElse(new Greeting.NotLoggedIn()));
    }
}
