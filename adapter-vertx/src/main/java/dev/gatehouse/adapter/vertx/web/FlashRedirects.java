package dev.gatehouse.adapter.vertx.web;

import dev.gatehouse.application.FlashMessage;
import dev.gatehouse.domain.LocalPath;
import dev.gatehouse.domain.ReturnTarget;
import dev.gatehouse.domain.SessionEnd;
import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;

import java.util.Optional;

/**
 * Redirects that carry a one-time message to the page they lead to ("You have been logged
 * out."), in a cookie of their own ({@code __Host-gh_flash}) that holds only the message's name
 * and is cleared by the page that shows it. The cookie carries nothing secret, and a forged one
 * can only make a page say one of these fixed sentences; nothing is stored on the server.
 */
final class FlashRedirects {

    private final SessionCookie cookie;
    private final String name;

    FlashRedirects(SessionCookie cookie) {
        this.cookie = cookie;
        this.name = cookie.companionName("gh_flash");
    }

    void redirect(RoutingContext ctx, int status, LocalPath location, FlashMessage message) {
        redirect(ctx, status, new ReturnTarget(location.value()), message);
    }

    /** A message for the page a script goes to next. */
    void set(RoutingContext ctx, FlashMessage message) {
        ctx.response().addCookie(cookie.withAttributes(Cookie.cookie(name, message.name())));
    }

    /** The message shows only if the target is one of this site's pages that show messages. */
    void redirect(RoutingContext ctx, int status, ReturnTarget location, FlashMessage message) {
        set(ctx, message);
        Responses.redirect(ctx, status, location);
    }

    /**
     * To the login page; when the visitor's session has just ended, saying so there (and why), and clearing
     * the dead session cookie.
     */
    void toLogin(RoutingContext ctx, Optional<SessionEnd> sessionEnded, LocalPath login) {
        if (sessionEnded.isPresent()) {
            ctx.response().addCookie(cookie.clear(ctx));
            redirect(ctx, 302, login, FlashMessage.sessionEnded(sessionEnded.get()));
        } else {
            Responses.redirect(ctx, 302, login);
        }
    }

    /** The message the request carries, if any; its cookie is cleared, so the message shows once. */
    Optional<FlashMessage> take(RoutingContext ctx) {
        String carried = SessionCookie.single(ctx.request().headers(), name);
        if (carried == null) {
            return Optional.empty();
        }
        ctx.response().addCookie(cookie.withAttributes(Cookie.cookie(name, "")).setMaxAge(0));
        return FlashMessage.named(carried);
    }
}
