package dev.gatehouse.adapter.vertx.web;

import dev.gatehouse.application.FlashMessage;
import dev.gatehouse.application.LogOut;
import dev.gatehouse.application.LogOutCommand;
import dev.gatehouse.domain.LocalPath;
import dev.gatehouse.domain.RememberMeToken;
import io.vertx.ext.web.RoutingContext;

import java.util.Optional;

/**
 * {@code POST /logout}: ends the session on the server, forgets this browser's remembered login,
 * and goes back to the start page saying "You have been logged out."
 */
final class LogoutForms {

    private final LogOut logOut;
    private final SessionCookie cookie;
    private final Views views;
    private final int maxFormFields;
    private final RememberMeCookie remember;
    private final FlashRedirects flash;

    LogoutForms(LogOut logOut, SessionCookie cookie, Views views, int maxFormFields, RememberMeCookie remember, FlashRedirects flash) {
        this.flash = flash;
        this.remember = remember;
        this.maxFormFields = maxFormFields;
        this.logOut = logOut;
        this.cookie = cookie;
        this.views = views;
    }

    void submit(RoutingContext ctx) {
        String csrf;
        try {
            csrf = FormBody.parse(ctx.body().buffer(), maxFormFields).required("csrf");
        } catch (FormBody.Malformed malformed) {
            ErrorPages.badRequest(ctx, views, malformed.getMessage());
            return;
        }
        Optional<RememberMeToken> remembered = remember.read(ctx);
        LogOutCommand command = new LogOutCommand(cookie.read(ctx.request().headers()), csrf, remembered);
        Responses.whenDone(ctx, logOut.logOut(command), result -> {
            result.handle(loggedOut -> {
                // The session is gone from the server, and its cookie from the browser; only the message goes on, in a cookie of its own.
                ctx.response().addCookie(cookie.clear(ctx));
                remembered.ifPresent(forgotten -> ctx.response().addCookie(remember.clear()));
                flash.redirect(ctx, 303, LocalPath.ROOT, FlashMessage.LOGGED_OUT);
            }, expired -> ErrorPages.formExpired(ctx, views));
        });
    }
}
