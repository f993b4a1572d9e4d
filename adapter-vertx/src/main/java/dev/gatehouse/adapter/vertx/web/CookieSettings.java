package dev.gatehouse.adapter.vertx.web;

import dev.gatehouse.domain.CookieDomain;

import java.util.List;
import java.util.Optional;

/**
 * The session cookie's name, whether it is marked Secure, and the domains it is shared across.
 * Over HTTPS, and on plain HTTP to localhost (which browsers treat as secure), the cookie is
 * {@code __Host-gh_session}: Secure, Path=/, no Domain. Elsewhere on plain HTTP a browser would
 * drop such a cookie, so it becomes {@code gh_session} without Secure, and the server warns at
 * start-up. With cookie domains (forward-auth, for sites on other hosts) it is
 * {@code __Secure-gh_session} with the Domain that covers the host it is set on: a
 * {@code __Host-} cookie cannot carry a Domain.
 */
public record CookieSettings(String name, boolean secure, List<CookieDomain> domains) {

    public static final String HOST_PREFIXED_NAME = "__Host-gh_session";
    public static final String SHARED_NAME = "__Secure-gh_session";
    public static final String PLAIN_NAME = "gh_session";

    public CookieSettings {
        domains = List.copyOf(domains);
    }

    public static CookieSettings forSecureContext(boolean secureContext) {
        return secureContext ? new CookieSettings(HOST_PREFIXED_NAME, true, List.of()) : new CookieSettings(PLAIN_NAME, false, List.of());
    }

    /** Shared across these domains; only where browsers keep Secure cookies, which the configuration makes sure of. */
    public static CookieSettings sharedAcross(List<CookieDomain> domains) {
        return new CookieSettings(SHARED_NAME, true, domains);
    }

    /** The domain a cookie set for this host carries: the configured one that covers it, if any. */
    public Optional<CookieDomain> domainFor(String host) {
        return domains.stream().filter(domain -> domain.covers(host)).findFirst();
    }
}
