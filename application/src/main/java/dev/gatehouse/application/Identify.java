package dev.gatehouse.application;


import dev.gatehouse.domain.SessionEnd;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Who is this request, and how well authenticated: the one question the pages, the JSON API, the
 * routes an application guards and (next) forward-auth all ask, answered here once. The session
 * is resolved as {@link Greet} does (expiry, the user's credential version); when nobody is logged
 * in and the request holds a remember-me token, the remembered login is restored ({@link
 * RememberMe}). Adapters translate the answer; they decide nothing.
 */
public final class Identify {



    private final Greet greet;
    private final RememberMe rememberMe;

    public Identify(Greet greet, RememberMe rememberMe) {
        this.greet = greet;
        this.rememberMe = rememberMe;
    }

    public CompletionStage<Identity> identify(IdentifyCommand command) {
        CompletionStage<Greeting> greeting = greet.greet(command.sessionId());
        // The hot path: a greeting already answered (the embedded store's always is) for a logged-in user needs no composing.
        CompletableFuture<Greeting> answered = greeting.toCompletableFuture();
        if (answered.isDone() && !answered.isCompletedExceptionally() && answered.join() instanceof Greeting.Welcome welcome) {
            return CompletableFuture.completedFuture(new Identity.LoggedIn(welcome.username(), welcome.session(), Optional.empty()));
        }
        return greeting.thenCompose(greeted -> greeted.fold(
                welcome -> CompletableFuture.completedFuture(new Identity.LoggedIn(welcome.username(), welcome.session(), Optional.empty())),
                nobody -> {
                    Optional<IdentifyCommand.Remembered> remembered = command.remembered().get();
                    return remembered.isEmpty()
                            ? CompletableFuture.completedFuture(new Identity.Anonymous(nobody.sessionEnded(), false))
                            : restore(remembered.get(), nobody.sessionEnded());
                }));
    }

    private CompletionStage<Identity> restore(IdentifyCommand.Remembered remembered, Optional<SessionEnd> sessionEnded) {
        return rememberMe.restore(remembered.token(), remembered.client(), remembered.device(), remembered.trustedBrowserToken()).thenApply(restoration -> restoration.fold(
                restored -> new Identity.LoggedIn(restored.session().user().orElseThrow(), restored.session(), Optional.of(restored.token())),
                halfway -> new Identity.Anonymous(sessionEnded, false, Optional.of(new Identity.HalfWay(halfway.session(), halfway.token()))),
                refused -> new Identity.Anonymous(sessionEnded, true)));
    }
}
