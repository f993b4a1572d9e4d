package dev.gatehouse.application;

import dev.gatehouse.domain.RememberMeToken;
import dev.gatehouse.domain.SessionId;

import java.util.Objects;
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

    /** A request's credentials, as it brought them, and where it came from. */
    public record Command(Optional<SessionId> sessionId, Optional<RememberMeToken> remembered, String client, String device) {

        public Command {
            Objects.requireNonNull(sessionId, "sessionId");
            Objects.requireNonNull(remembered, "remembered");
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
        return greet.greet(command.sessionId()).thenCompose(greeting -> greeting.fold(
                welcome -> CompletableFuture.completedFuture(new Identity.LoggedIn(welcome.username(), welcome.session(), Optional.empty())),
                nobody -> command.remembered().isEmpty()
                        ? CompletableFuture.completedFuture(new Identity.Anonymous(nobody.sessionEnded(), false))
                        : restore(command.remembered().get(), command, nobody.sessionEnded())));
    }

    private CompletionStage<Identity> restore(RememberMeToken token, Command command, boolean sessionEnded) {
        return rememberMe.restore(token, command.client(), command.device()).thenApply(restoration -> restoration.fold(
                restored -> new Identity.LoggedIn(restored.session().user().orElseThrow(), restored.session(), Optional.of(restored.token())),
                refused -> new Identity.Anonymous(sessionEnded, true)));
    }
}
