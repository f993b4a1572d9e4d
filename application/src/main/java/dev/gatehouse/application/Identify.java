package dev.gatehouse.application;

import dev.gatehouse.domain.RememberMeToken;
import dev.gatehouse.domain.SessionId;

import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/**
 * Who is this request, and how well authenticated: the one question the pages, the JSON API, the
 * routes an application guards and (next) forward-auth all ask, answered here once. The session
 * is resolved as {@link Greet} does (expiry, the user's credential version); when nobody is logged
 * in and the request holds a remember-me token, the remembered login is restored ({@link
 * RememberMe}). Adapters translate the answer; they decide nothing.
 */
public final class Identify {

    /**
     * A request's credentials as it brought them: its session, and what restoring a remembered
     * login would take. The second is read only when it is needed (nobody is logged in): on every
     * other request, the look at the cookies and the User-Agent it costs is saved.
     */
    public record Command(Optional<SessionId> sessionId, Supplier<Optional<Remembered>> remembered) {

        public Command {
            Objects.requireNonNull(sessionId, "sessionId");
            Objects.requireNonNull(remembered, "remembered");
        }
    }

    /** A remember-me token, and the client and device a session restored from it is for. */
    public record Remembered(RememberMeToken token, String client, String device) {

        public Remembered {
            Objects.requireNonNull(token, "token");
            Objects.requireNonNull(client, "client");
            Objects.requireNonNull(device, "device");
        }
    }

    private final Greet greet;
    private final RememberMe rememberMe;

    public Identify(Greet greet, RememberMe rememberMe) {
        this.greet = greet;
        this.rememberMe = rememberMe;
    }

    public CompletionStage<Identity> identify(Command command) {
        CompletionStage<Greeting> greeting = greet.greet(command.sessionId());
        // The hot path: a greeting already answered (the embedded store's always is) for a logged-in user needs no composing.
        CompletableFuture<Greeting> answered = greeting.toCompletableFuture();
        if (answered.isDone() && !answered.isCompletedExceptionally() && answered.join() instanceof Greeting.Welcome welcome) {
            return CompletableFuture.completedFuture(new Identity.LoggedIn(welcome.username(), welcome.session(), Optional.empty()));
        }
        return greeting.thenCompose(greeted -> greeted.fold(
                welcome -> CompletableFuture.completedFuture(new Identity.LoggedIn(welcome.username(), welcome.session(), Optional.empty())),
                nobody -> {
                    Optional<Remembered> remembered = command.remembered().get();
                    return remembered.isEmpty()
                            ? CompletableFuture.completedFuture(new Identity.Anonymous(nobody.sessionEnded(), false))
                            : restore(remembered.get(), nobody.sessionEnded());
                }));
    }

    private CompletionStage<Identity> restore(Remembered remembered, boolean sessionEnded) {
        return rememberMe.restore(remembered.token(), remembered.client(), remembered.device()).thenApply(restoration -> restoration.fold(
                restored -> new Identity.LoggedIn(restored.session().user().orElseThrow(), restored.session(), Optional.of(restored.token())),
                refused -> new Identity.Anonymous(sessionEnded, true)));
    }
}
