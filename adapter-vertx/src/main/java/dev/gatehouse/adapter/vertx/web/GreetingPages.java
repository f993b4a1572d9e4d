package dev.gatehouse.adapter.vertx.web;

import dev.gatehouse.application.FlashMessage;
import dev.gatehouse.application.Identity;
import dev.gatehouse.domain.Session;
import dev.gatehouse.domain.LocalPath;
import io.vertx.ext.web.RoutingContext;

import java.util.Optional;

/** The pages that only need to know who is there: {@code GET /}, {@code GET /home} and {@code GET /logout}. */
final class GreetingPages {

    private static final LocalPath LOGIN_THEN_HOME = new LocalPath("/login?next=%2Fhome");

    private final RequestIdentity identity;
    private final SessionCookie cookie;
    private final Views views;
    private final FlashRedirects flash;

    GreetingPages(RequestIdentity identity, SessionCookie cookie, Views views, FlashRedirects flash) {
        this.identity = identity;
        this.flash = flash;
        this.cookie = cookie;
        this.views = views;
    }

    void index(RoutingContext ctx) {
        identity.of(ctx, who -> who.handle(
                in -> Responses.page(ctx, 200, views.index(new IndexPage(Frame.of(in.user(), in.session(), Frame.Section.HOME), null))),
                nobody -> anonymousIndex(ctx, nobody)));
    }

    /**
     * The start page for a visitor nobody is logged in as: with the message a redirect left for
     * it, if any, or, when their session has just ended, saying so once (the dead cookie is
     * cleared). Nothing is stored for such a visitor.
     */
    private void anonymousIndex(RoutingContext ctx, Identity.Anonymous nobody) {
        Optional<FlashMessage> message = flash.take(ctx);
        if (nobody.sessionEnded().isPresent()) {
            ctx.response().addCookie(cookie.clear(ctx));
            message = nobody.sessionEnded().map(FlashMessage::sessionEnded);
        }
        Responses.page(ctx, 200, views.index(new IndexPage(null, message.map(FlashMessage::text).orElse(null))));
    }

    void home(RoutingContext ctx) {
        identity.of(ctx, who -> who.handle(in -> {
            Session session = in.session();
            Responses.page(ctx, 200, views.home(new HomePage(Frame.of(in.user(), session, Frame.Section.PREFERENCES),
                    session.applicationAttribute(PreferenceForms.THEME).orElse("light"), session.applicationAttribute(PreferenceForms.LANGUAGE).orElse("en"))));
        }, nobody -> flash.toLogin(ctx, nobody.sessionEnded(), LOGIN_THEN_HOME)));
    }

    /** The tutorial's logout link: it asks for confirmation, since a GET must never change state. */
    void confirmLogout(RoutingContext ctx) {
        identity.of(ctx, who -> who.handle(
                in -> Responses.page(ctx, 200, views.logout(new LogoutPage(Frame.of(in.user(), in.session(), Frame.Section.LOG_OUT)))),
                nobody -> Responses.redirect(ctx, 303, LocalPath.ROOT)));
    }
}
