package dev.gatehouse.adapter.vertx.web;

import dev.gatehouse.application.FlashMessage;
import dev.gatehouse.application.Greet;
import dev.gatehouse.application.Greeting;
import dev.gatehouse.domain.LocalPath;
import io.vertx.ext.web.RoutingContext;

import java.util.Optional;

/** The pages that only need to know who is there: {@code GET /}, {@code GET /home} and {@code GET /logout}. */
final class GreetingPages {

    private static final LocalPath LOGIN_THEN_HOME = new LocalPath("/login?next=%2Fhome");

    private final Greet greet;
    private final SessionCookie cookie;
    private final Views views;
    private final RememberMeCookie remember;
    private final FlashRedirects flash;

    GreetingPages(Greet greet, SessionCookie cookie, Views views, RememberMeCookie remember, FlashRedirects flash) {
        this.flash = flash;
        this.greet = greet;
        this.cookie = cookie;
        this.views = views;
        this.remember = remember;
    }

    void index(RoutingContext ctx) {
        Responses.whenDone(ctx, greet.greet(cookie.read(ctx)), greeting -> {
            if (greeting instanceof Greeting.Welcome welcome) {
                Responses.page(ctx, 200, views.index(new IndexPage(welcome.username().value(), welcome.session().csrfToken().value(), null)));
            } else {
                remember.restoreOr(ctx, this::index, () -> anonymousIndex(ctx, (Greeting.NotLoggedIn) greeting));
            }
        });
    }

    /**
     * The start page for a visitor nobody is logged in as: with the message a redirect left for
     * it, if any, or, when their session has just ended, saying so once (the dead cookie is
     * cleared). Nothing is stored for such a visitor.
     */
    private void anonymousIndex(RoutingContext ctx, Greeting.NotLoggedIn nobody) {
        Optional<FlashMessage> message = flash.take(ctx);
        if (nobody.sessionEnded()) {
            ctx.response().addCookie(cookie.clear());
            message = Optional.of(FlashMessage.SESSION_ENDED);
        }
        Responses.page(ctx, 200, views.index(new IndexPage(null, null, message.map(FlashMessage::text).orElse(null))));
    }

    void home(RoutingContext ctx) {
        Responses.whenDone(ctx, greet.greet(cookie.read(ctx)), greeting -> {
            if (greeting instanceof Greeting.Welcome welcome) {
                var attributes = welcome.session().attributes();
                Responses.page(ctx, 200, views.home(new HomePage(welcome.username().value(), welcome.session().csrfToken().value(),
                        attributes.getOrDefault("theme", "light"), attributes.getOrDefault("language", "en"))));
            } else {
                remember.restoreOr(ctx, this::home, () -> flash.toLogin(ctx, ((Greeting.NotLoggedIn) greeting).sessionEnded(), LOGIN_THEN_HOME));
            }
        });
    }

    /** The tutorial's logout link: it asks for confirmation, since a GET must never change state. */
    void confirmLogout(RoutingContext ctx) {
        Responses.whenDone(ctx, greet.greet(cookie.read(ctx)), greeting -> {
            if (greeting instanceof Greeting.Welcome welcome) {
                Responses.page(ctx, 200, views.logout(new LogoutPage(welcome.username().value(), welcome.session().csrfToken().value())));
            } else {
                remember.restoreOr(ctx, this::confirmLogout, () -> Responses.redirect(ctx, 303, LocalPath.ROOT));
            }
        });
    }
}
