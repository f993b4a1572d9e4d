package dev.gatehouse.adapter.vertx.web;

import dev.gatehouse.application.RememberMe;
import dev.gatehouse.domain.RememberMeToken;
import dev.gatehouse.domain.Session;
import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;

import java.util.Optional;
import java.util.Set;

/**
 * The "remember me" cookie ({@code __Host-gh_remember}, or {@code gh_remember} where the session
 * cookie is not Secure either): a long-lived token that starts a new session when a browser comes
 * back without one. Set only when the user ticks the box at login; rotated at each use; cleared at
 * logout and whenever the token is refused.
 */
final class RememberMeCookie {

    private final RememberMe rememberMe;
    private final SessionCookie sessionCookie;
    private final Set<String> trustedProxies;
    private final String name;

    RememberMeCookie(RememberMe rememberMe, SessionCookie sessionCookie, Set<String> trustedProxies) {
        this.rememberMe = rememberMe;
        this.sessionCookie = sessionCookie;
        this.trustedProxies = trustedProxies;
        this.name = sessionCookie.companionName("gh_remember");
    }

    Optional<RememberMeToken> read(RoutingContext ctx) {
        return Optional.ofNullable(SessionCookie.single(ctx.request().headers(), name)).flatMap(RememberMeToken::parse);
    }

    /** After a password login with the box ticked: remember it, then go on. */
    void remember(RoutingContext ctx, Session loggedIn, Runnable then) {
        Responses.whenDone(ctx, rememberMe.remember(loggedIn, ClientAddress.of(ctx, trustedProxies)), token -> {
            ctx.response().addCookie(issue(token));
            then.run();
        });
    }

    Cookie issue(RememberMeToken token) {
        return sessionCookie.withAttributes(Cookie.cookie(name, token.cookieValue())).setMaxAge(rememberMe.lifetime().toSeconds());
    }

    Cookie clear() {
        return sessionCookie.withAttributes(Cookie.cookie(name, "")).setMaxAge(0);
    }
}
