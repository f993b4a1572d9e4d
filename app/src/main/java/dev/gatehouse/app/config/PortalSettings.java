package dev.gatehouse.app.config;

import com.google.common.net.InternetDomainName;
import dev.gatehouse.adapter.vertx.web.Portal;
import dev.gatehouse.domain.CookieDomain;

import java.util.ArrayList;
import java.util.List;

/**
 * The login portals as {@code --cookie-domain} and {@code --portal-url} give them: each cookie
 * domain needs exactly one portal URL on a host under it (Authelia's {@code session.cookies[]},
 * written as two lists), and none may be a public suffix, where no browser keeps a cookie (the
 * public suffix list is Guava's).
 */
public final class PortalSettings {

    private PortalSettings() {
    }

    /** @throws IllegalArgumentException saying which domain or URL does not fit, and why */
    public static List<Portal> pair(List<String> cookieDomains, List<String> portalUrls) {
        if (cookieDomains.isEmpty() != portalUrls.isEmpty()) {
            throw new IllegalArgumentException(cookieDomains.isEmpty()
                    ? "portal-url needs a cookie-domain it is under: the session cookie must reach the protected sites"
                    : "cookie-domain needs a portal-url under it: the login page the protected sites send people to");
        }
        List<Portal> portals = new ArrayList<>();
        for (String written : cookieDomains) {
            CookieDomain domain = new CookieDomain(written);
            if (isPublicSuffix(domain)) {
                throw new IllegalArgumentException("cookie-domain " + domain + " is a public suffix (like com or github.io): browsers refuse "
                        + "cookies for it; give the domain your sites share, such as example.com");
            }
            if (portals.stream().anyMatch(portal -> portal.domain().covers(domain.name()) || domain.covers(portal.domain().name()))) {
                throw new IllegalArgumentException("cookie-domain " + domain + " overlaps another one: give each root domain once");
            }
            List<String> under = portalUrls.stream().filter(url -> hostUnder(url, domain)).toList();
            if (under.size() != 1) {
                throw new IllegalArgumentException("cookie-domain " + domain + " needs exactly one portal-url on a host under it, such as https://auth."
                        + domain + (under.isEmpty() ? "" : "; it has " + under.size()));
            }
            portals.add(new Portal(domain, under.get(0)));
        }
        for (String url : portalUrls) {
            if (portals.stream().noneMatch(portal -> hostUnder(url, portal.domain()))) {
                throw new IllegalArgumentException("portal-url " + url + " is under no cookie-domain");
            }
        }
        return List.copyOf(portals);
    }

    private static boolean isPublicSuffix(CookieDomain domain) {
        InternetDomainName name = InternetDomainName.from(domain.name());
        return name.isPublicSuffix() || name.isRegistrySuffix();
    }

    private static boolean hostUnder(String url, CookieDomain domain) {
        try {
            String host = java.net.URI.create(url.strip()).getHost();
            return host != null && domain.covers(host);
        } catch (IllegalArgumentException notAUrl) {
            return false;
        }
    }
}
