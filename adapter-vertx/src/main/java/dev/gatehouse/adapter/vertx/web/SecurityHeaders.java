package dev.gatehouse.adapter.vertx.web;

import io.vertx.core.Handler;
import dev.gatehouse.domain.CookieDomain;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;

import java.util.List;
import java.util.Set;

/**
 * Headers every response carries. The CSP allows our own stylesheet and nothing else: no script
 * at all, no framing, forms posting only to this site. A response that went out over HTTPS (ours,
 * or a trusted proxy's that says so in X-Forwarded-Proto) also tells the browser to use nothing
 * but HTTPS here for a year (HSTS); over plain HTTP that header would be ignored, and is not sent.
 */
final class SecurityHeaders implements Handler<RoutingContext> {

    private static final CharSequence[] STRICT_TRANSPORT_SECURITY = optimized("Strict-Transport-Security", "max-age=31536000");

    private final Set<String> trustedProxies;
    /** Names and values encoded once: every response copies their bytes instead of encoding strings. */
    private final CharSequence[][] headers;

    /**
     * @param sharedDomains the cookie domains, whose sites a login may send the browser back to:
     *                      form-action must allow that redirect, or the browser stops it
     */
    SecurityHeaders(Set<String> trustedProxies, List<CookieDomain> sharedDomains) {
        this.trustedProxies = Set.copyOf(trustedProxies);
        this.headers = new CharSequence[][] {
            optimized("Content-Security-Policy", contentSecurityPolicy(sharedDomains)),
            optimized("X-Content-Type-Options", "nosniff"),
            optimized("X-Frame-Options", "DENY"),
            optimized("Referrer-Policy", "no-referrer"),
            optimized("Cross-Origin-Opener-Policy", "same-origin"),
            optimized("Cross-Origin-Resource-Policy", "same-origin"),
        };
    }

    /**
     * Scripts only from this site (the one that counts down a throttled login's wait); nothing
     * inline, nothing from elsewhere; scripts talk to this site only (the passkey ceremonies); forms post here, and their redirects lead only here or to
     * the sites under the cookie domains (any port, the page's own scheme).
     */
    static String contentSecurityPolicy(List<CookieDomain> sharedDomains) {
        StringBuilder formAction = new StringBuilder("'self'");
        sharedDomains.forEach(domain -> formAction.append(' ').append(domain.name()).append(":* *.").append(domain.name()).append(":*"));
        return "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; form-action " + formAction
                + "; frame-ancestors 'none'; base-uri 'none'";
    }

    private boolean cameOverHttpsThroughTrustedProxy(HttpServerRequest request) {
        return !trustedProxies.isEmpty() && trustedProxies.contains(request.remoteAddress().hostAddress())
                && "https".equalsIgnoreCase(request.getHeader("X-Forwarded-Proto"));
    }

    private static CharSequence[] optimized(String name, String value) {
        return new CharSequence[] {HttpHeaders.createOptimized(name), HttpHeaders.createOptimized(value)};
    }

    @Override
    public void handle(RoutingContext ctx) {
        addTo(ctx.request());
        ctx.next();
    }

    /** Puts the headers on the request's response; also for answers given before any router sees the request. */
    void addTo(HttpServerRequest request) {
        // A response starts with no headers, so adding is enough (setting would search for each first).
        MultiMap response = request.response().headers();
        for (CharSequence[] header : headers) {
            response.add(header[0], header[1]);
        }
        if (request.isSSL() || cameOverHttpsThroughTrustedProxy(request)) {
            response.add(STRICT_TRANSPORT_SECURITY[0], STRICT_TRANSPORT_SECURITY[1]);
        }
    }
}
