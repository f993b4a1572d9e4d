package dev.gatehouse.adapter.vertx.web;

import dev.gatehouse.domain.TrustedBrowser;
import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;

import java.util.Optional;

/**
 * The trusted browser's cookie ({@code __Host-gh_trust}): the token a browser gets when its user
 * ticks "Trust this browser for 30 days" at the code step ({@link TrustedBrowser}). It skips the
 * code only together with the right password (or a remembered login), and only while the user's
 * directory still lists it: stopping to trust it on the sessions page ends it at once.
 */
final class TrustCookie {

    private final SessionCookie sessionCookie;
    private final String name;

    TrustCookie(SessionCookie sessionCookie) {
        this.sessionCookie = sessionCookie;
        this.name = sessionCookie.companionName("gh_trust");
    }

    Optional<String> read(RoutingContext ctx) {
        return Optional.ofNullable(SessionCookie.single(ctx.request().headers(), name));
    }

    Cookie issue(String token) {
        return sessionCookie.withAttributes(Cookie.cookie(name, token)).setMaxAge(TrustedBrowser.TRUST_FOR.toSeconds());
    }
}
