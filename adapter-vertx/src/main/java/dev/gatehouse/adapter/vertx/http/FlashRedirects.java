package dev.gatehouse.adapter.vertx.http;

import dev.gatehouse.application.FlashMessage;
import dev.gatehouse.application.Flashes;
import dev.gatehouse.domain.LocalPath;
import io.vertx.ext.web.RoutingContext;

/**
 * Redirects that carry a one-time message to the page they lead to: the message goes into a new
 * anonymous session, whose cookie replaces the one the visitor had.
 */
final class FlashRedirects {

    private final Flashes flashes;
    private final SessionCookie cookie;

    FlashRedirects(Flashes flashes, SessionCookie cookie) {
        this.flashes = flashes;
        this.cookie = cookie;
    }

    void redirect(RoutingContext ctx, int status, LocalPath location, FlashMessage message) {
        Responses.whenDone(ctx, flashes.carry(message), session -> {
            ctx.response().addCookie(cookie.issue(session.id()));
            Responses.redirect(ctx, status, location);
        });
    }

    /** To the login page; when the visitor's session has just ended, saying so there. */
    void toLogin(RoutingContext ctx, boolean sessionEnded, LocalPath login) {
        if (sessionEnded) {
            redirect(ctx, 302, login, FlashMessage.SESSION_ENDED);
        } else {
            Responses.redirect(ctx, 302, login);
        }
    }

    Flashes flashes() {
        return flashes;
    }
}
