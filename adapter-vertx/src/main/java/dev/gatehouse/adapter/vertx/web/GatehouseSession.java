package dev.gatehouse.adapter.vertx.web;

import dev.gatehouse.application.SavePreference;
import dev.gatehouse.domain.Session;
import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;

import java.util.Optional;

/**
 * The logged-in user and their session, for an application's own handlers behind
 * {@link GatehouseRoutes#requireLogin()}: who it is, the session's data (a preference, form state,
 * a cart), and the CSRF token the application's own forms must carry. {@link #put} writes one value
 * and only that one, so two tabs writing different values at once both keep theirs.
 */
public final class GatehouseSession {

    static final String KEY = "gatehouse.logged-in";

    private final Session session;
    private final SavePreference data;

    GatehouseSession(Session session, SavePreference data) {
        this.session = session;
        this.data = data;
    }

    /** The session {@link GatehouseRoutes#requireLogin()} let through. */
    public static GatehouseSession of(RoutingContext ctx) {
        GatehouseSession current = ctx.get(KEY);
        if (current == null) {
            throw new IllegalStateException("no logged-in session here: put GatehouseRoutes.requireLogin() before this handler");
        }
        return current;
    }

    public String username() {
        return session.user().orElseThrow().value();
    }

    /** False when "remember me" started this session rather than a password: ask for the password before anything sensitive. */
    public boolean fresh() {
        return session.isFresh();
    }

    /** The token the application's own forms carry (as a hidden field) and its state-changing handlers check. */
    public String csrfToken() {
        return session.csrfToken().value();
    }

    /** Whether a submitted token is this session's (compared in constant time). */
    public boolean csrfMatches(String submitted) {
        return session.csrfMatches(submitted);
    }

    /** A value of the session's data as it was when this request arrived. */
    public Optional<String> get(String name) {
        return session.applicationAttribute(name);
    }

    /**
     * Keeps one value in the session until logout. Names are letters, digits, {@code . - _} (at
     * most {@value SavePreference#MAX_NAME} characters, not starting with {@code gatehouse.}); values
     * at most {@value SavePreference#MAX_VALUE} characters without control characters.
     *
     * @return true once written; false when the session has ended meanwhile
     */
    public Future<Boolean> put(String name, String value) {
        return Future.fromCompletionStage(data.put(session.id(), name, value)).compose(result -> switch (result) {
            case SAVED -> Future.succeededFuture(true);
            case NOT_LOGGED_IN -> Future.succeededFuture(false);
            case INVALID, FORM_EXPIRED -> Future.failedFuture(new IllegalArgumentException("not a usable session value: " + name));
        });
    }
}
