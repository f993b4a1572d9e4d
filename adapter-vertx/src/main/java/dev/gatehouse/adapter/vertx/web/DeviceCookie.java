package dev.gatehouse.adapter.vertx.web;

import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The device cookie ({@code __Host-gh_device}): the token a browser is given at each good login,
 * which makes it a known device of that account (OWASP's device cookies, see
 * {@link dev.gatehouse.domain.KnownDevice}). It grants nothing: it only lets the browser's own
 * failed logins back off on their own, apart from a stranger's. It outlives the browser session,
 * as its point is to be there at the next login.
 */
final class DeviceCookie {

    /** As long as browsers keep a cookie (Chrome caps lifetimes at 400 days). */
    static final Duration LIFETIME = Duration.ofDays(365);

    private final SessionCookie sessionCookie;
    private final String name;

    DeviceCookie(SessionCookie sessionCookie) {
        this.sessionCookie = sessionCookie;
        this.name = sessionCookie.companionName("gh_device");
    }

    /** The token the request holds, if any; the core decides whether it is one of ours, and for whom. */
    List<String> read(RoutingContext ctx) {
        return Optional.ofNullable(SessionCookie.single(ctx.request().headers(), name)).map(List::of).orElse(List.of());
    }

    Cookie issue(String token) {
        return sessionCookie.withAttributes(Cookie.cookie(name, token)).setMaxAge(LIFETIME.toSeconds());
    }
}
