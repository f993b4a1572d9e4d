package dev.gatehouse.adapter.vertx.web;

import dev.gatehouse.domain.CookieDomain;
import dev.gatehouse.domain.SessionId;
import dev.gatehouse.domain.Signer;
import io.vertx.core.MultiMap;
import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;
import io.vertx.core.http.CookieSameSite;

import java.util.List;
import java.util.Optional;

/**
 * The session cookie: it carries the session id and an HMAC-SHA256 of it under a key derived from
 * the server secret, so a forged or tampered id is refused before any store is asked. The newest
 * secret signs; every listed secret verifies, so rotating the secret logs nobody out. Only one
 * exact cookie of our name is accepted: none, several, a case variant or a malformed value all
 * mean "no session".
 */
public final class SessionCookie {

    private static final int PART_LENGTH = 43;
    private static final int VALUE_LENGTH = 2 * PART_LENGTH + 1;

    private final CookieSettings settings;
    private final Signer signer;

    /** @param signer signs with the current secret and verifies with every one still in use ({@link Signer.Purpose#SESSION_COOKIE}) */
    public SessionCookie(CookieSettings settings, Signer signer) {
        this.settings = settings;
        this.signer = signer;
    }

    public String name() {
        return settings.name();
    }

    /** Whether cookies are marked Secure (and so may carry the {@code __Host-} prefix). */
    boolean secure() {
        return settings.secure();
    }

    /** The name of another cookie of ours, {@code __Host-} prefixed exactly where the session cookie is. */
    String companionName(String base) {
        return settings.secure() ? "__Host-" + base : base;
    }

    /** The session id from the request's cookies, when exactly one valid, correctly signed cookie is present. */
    public Optional<SessionId> read(MultiMap headers) {
        String value = single(headers, settings.name());
        return value == null ? Optional.empty() : verify(value);
    }


    /**
     * The value of the one cookie of this name, or null when there is none, several, or a variant
     * of the name in another case (which can only come from someone else's cookie).
     */
    static String single(MultiMap headers, String cookieName) {
        String found = null;
        int candidates = 0;
        for (String header : headers.getAll("cookie")) {
            int start = 0;
            while (start <= header.length()) {
                int end = header.indexOf(';', start);
                if (end < 0) {
                    end = header.length();
                }
                String pair = header.substring(start, end).strip();
                int equals = pair.indexOf('=');
                String name = equals < 0 ? "" : pair.substring(0, equals).strip();
                if (name.equalsIgnoreCase(cookieName)) {
                    candidates++;
                    found = name.equals(cookieName) ? pair.substring(equals + 1).strip() : null;
                }
                start = end + 1;
            }
        }
        return candidates == 1 ? found : null;
    }

    private Optional<SessionId> verify(String value) {
        if (value.length() != VALUE_LENGTH || value.charAt(PART_LENGTH) != '.') {
            return Optional.empty();
        }
        String id = value.substring(0, PART_LENGTH);
        return signer.verifies(Signer.Purpose.SESSION_COOKIE, id, value.substring(PART_LENGTH + 1)) ? SessionId.parse(id) : Optional.empty();
    }

    /**
     * The Set-Cookie for a session: no Max-Age or Expires, so it ends with the browser session. With
     * cookie domains, it carries the one that covers the host the request was made to.
     */
    public Cookie issue(RoutingContext ctx, SessionId id) {
        return shared(ctx, withAttributes(Cookie.cookie(settings.name(), signedValue(id))));
    }

    /** The cookie's value for this session: the id, a dot, and its signature. */
    public String signedValue(SessionId id) {
        return id.value() + '.' + signer.sign(Signer.Purpose.SESSION_COOKIE, id.value());
    }

    /** The Set-Cookie that removes the session cookie, with the same attributes as the one that set it. */
    public Cookie clear(RoutingContext ctx) {
        return shared(ctx, withAttributes(Cookie.cookie(settings.name(), ""))).setMaxAge(0);
    }

    /** The domains the session cookie is shared across: what the forward-auth endpoints accept targets under. */
    public List<CookieDomain> domains() {
        return settings.domains();
    }

    private Cookie shared(RoutingContext ctx, Cookie cookie) {
        if (settings.domains().isEmpty() || ctx.request().authority() == null) {
            return cookie;
        }
        return settings.domainFor(ctx.request().authority().host()).map(domain -> cookie.setDomain(domain.name())).orElse(cookie);
    }

    /** The attributes of every cookie Gatehouse sets: whole site, no script access, Secure where browsers keep it, Lax. */
    Cookie withAttributes(Cookie cookie) {
        return cookie.setPath("/").setHttpOnly(true).setSecure(settings.secure()).setSameSite(CookieSameSite.LAX);
    }
}
