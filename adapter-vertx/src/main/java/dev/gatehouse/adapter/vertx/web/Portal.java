package dev.gatehouse.adapter.vertx.web;

import dev.gatehouse.domain.CookieDomain;
import dev.gatehouse.domain.ReturnTarget;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Where people log in for the sites under one cookie domain: Gatehouse's own pages, reached as
 * {@code origin} ({@code https://auth.example.com}), a host the domain covers so that the session
 * cookie it sets is sent to every protected site. Like Authelia's {@code session.cookies[]}: one
 * portal per root domain.
 */
public record Portal(CookieDomain domain, String origin) {

    public Portal {
        Objects.requireNonNull(domain, "domain");
        origin = origin.strip();
        if (origin.endsWith("/")) {
            origin = origin.substring(0, origin.length() - 1);
        }
        Optional<ReturnTarget> root = ReturnTarget.parse(origin + "/", List.of(domain));
        if (root.isEmpty() || !root.get().pathAndQuery().equals("/") || !root.get().value().equals(origin.toLowerCase(Locale.ROOT) + "/")) {
            throw new IllegalArgumentException("portal " + origin + " is not an https:// address (no path) of a host under " + domain
                    + "; the session cookie it sets would not reach the sites under " + domain);
        }
        origin = origin.toLowerCase(Locale.ROOT);
    }

    /** The login page, to come back to {@code target} after it. */
    public String loginUrl(ReturnTarget target) {
        return origin + "/login?next=" + URLEncoder.encode(target.value(), StandardCharsets.UTF_8);
    }

    /** The second step of a login (or a step-up to two factors), to come back to {@code target} after it. */
    public String secondFactorUrl(ReturnTarget target) {
        return origin + SecondFactorForms.PATH + "?next=" + URLEncoder.encode(target.value(), StandardCharsets.UTF_8);
    }

    /** The portal whose domain covers this host, if any. */
    static Optional<Portal> forHost(List<Portal> portals, String host) {
        return portals.stream().filter(portal -> portal.domain().covers(host)).findFirst();
    }
}
