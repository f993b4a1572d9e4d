package dev.gatehouse.adapter.vertx.web;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;

/**
 * Refuses state-changing requests that a browser says come from another site, before any body is
 * read: {@code Sec-Fetch-Site} must be same-origin (or none: typed by the user), and without it
 * an {@code Origin} must name this very host. Clients that send neither (curl, scripts) still
 * need the CSRF token, which only our own pages hand out.
 */
final class CrossSiteGuard implements Handler<RoutingContext> {

    @Override
    public void handle(RoutingContext ctx) {
        if (isCrossSite(ctx.request())) {
            ctx.fail(403);
            return;
        }
        ctx.next();
    }

    static boolean isCrossSite(HttpServerRequest request) {
        String fetchSite = request.getHeader("Sec-Fetch-Site");
        if (fetchSite != null) {
            return !fetchSite.equals("same-origin") && !fetchSite.equals("none");
        }
        String origin = request.getHeader("Origin");
        if (origin == null) {
            return false;
        }
        String host = request.getHeader("Host");
        return host == null || !(origin.equals("http://" + host) || origin.equals("https://" + host));
    }
}
