package dev.gatehouse.adapter.vertx.http;

import dev.gatehouse.application.Greet;
import dev.gatehouse.application.Greeting;
import dev.gatehouse.domain.LocalPath;
import io.vertx.ext.web.RoutingContext;

/** The pages that only need to know who is there: {@code GET /}, {@code GET /home} and {@code GET /logout}. */
final class GreetingPages {

    private static final LocalPath LOGIN_THEN_HOME = new LocalPath("/login?next=%2Fhome");

    private final Greet greet;
    private final SessionCookie cookie;
    private final Views views;
    private final RememberMeCookie remember;

    GreetingPages(Greet greet, SessionCookie cookie, Views views, RememberMeCookie remember) {
        this.greet = greet;
        this.cookie = cookie;
        this.views = views;
        this.remember = remember;
    }

    void index(RoutingContext ctx) {
        Responses.whenDone(ctx, greet.greet(cookie.read(ctx)), greeting -> {
            if (greeting instanceof Greeting.Welcome welcome) {
                Responses.page(ctx, 200, views.index(new IndexPage(welcome.username().value(), welcome.session().csrfToken().value())));
            } else {
                remember.restoreOr(ctx, this::index, () -> Responses.page(ctx, 200, views.index(new IndexPage(null, null))));
            }
        });
    }

    void home(RoutingContext ctx) {
        Responses.whenDone(ctx, greet.greet(cookie.read(ctx)), greeting -> {
            if (greeting instanceof Greeting.Welcome welcome) {
                var attributes = welcome.session().attributes();
                Responses.page(ctx, 200, views.home(new HomePage(welcome.username().value(), welcome.session().csrfToken().value(),
                        attributes.getOrDefault("theme", "light"), attributes.getOrDefault("language", "en"))));
            } else {
                remember.restoreOr(ctx, this::home, () -> Responses.redirect(ctx, 302, LOGIN_THEN_HOME));
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
