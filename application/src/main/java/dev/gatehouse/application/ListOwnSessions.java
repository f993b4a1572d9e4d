package dev.gatehouse.application;

import dev.gatehouse.domain.Session;
import dev.gatehouse.domain.SessionId;
import dev.gatehouse.domain.SessionSummary;
import dev.gatehouse.domain.Username;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** A logged-in user's own live sessions, oldest first, the one asking among them. */
public final class ListOwnSessions {

    /** The user, their sessions, and the handle of the one the request came with. */
    public record OwnSessions(Username user, String currentHandle, String csrfToken, List<SessionSummary> sessions) {
    }

    private final Greet greet;
    private final ListSessions listSessions;

    public ListOwnSessions(Greet greet, ListSessions listSessions) {
        this.greet = greet;
        this.listSessions = listSessions;
    }

    /** Empty when nobody is logged in with this session. */
    public CompletionStage<Optional<OwnSessions>> list(Optional<SessionId> sessionId) {
        return greet.greet(sessionId).thenCompose(greeting -> greeting.fold(
                welcome -> of(welcome.username(), welcome.session()).thenApply(Optional::of),
                nobody -> CompletableFuture.completedFuture(Optional.<OwnSessions>empty())));
    }

    /** For a request already identified ({@link Identify}): its user's sessions, without looking the session up again. */
    public CompletionStage<OwnSessions> of(Identity.LoggedIn who) {
        return of(who.user(), who.session());
    }

    private CompletionStage<OwnSessions> of(Username user, Session current) {
        return listSessions.list(Optional.of(user.value())).thenApply(sessions ->
                new OwnSessions(user, current.id().handle(), current.csrfToken().value(), sessions));
    }
}
