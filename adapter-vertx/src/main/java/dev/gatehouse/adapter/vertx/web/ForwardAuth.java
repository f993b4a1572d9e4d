package dev.gatehouse.adapter.vertx.web;

import dev.gatehouse.application.Authorize;
import dev.gatehouse.application.AuthorizeCommand;
import dev.gatehouse.domain.Group;
import dev.gatehouse.domain.ReturnTarget;
import dev.gatehouse.domain.UserProfile;
import dev.gatehouse.domain.access.Network;
import dev.gatehouse.domain.access.Resource;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The forward-auth endpoints, which a reverse proxy asks before it passes a request on to a
 * protected application: {@code GET /auth/request} for nginx's {@code auth_request} (the target in
 * {@code X-Original-URL} and {@code X-Original-Method}), and {@code GET /auth/forward} for Traefik's
 * {@code forwardAuth} and Caddy's {@code forward_auth} (in {@code X-Forwarded-Method}, {@code -Proto},
 * {@code -Host} and {@code -Uri}). Both answer from the session cookie alone, translate, and leave
 * every decision to {@link Authorize}. They believe those headers only from a trusted proxy, take
 * only targets under a cookie domain, and set the identity headers only on 200. They set no cookie:
 * nginx would not pass it on (oauth2-proxy's users lost sessions to that), and the idle time moves
 * in the store.
 */
final class ForwardAuth {

    private static final Logger LOG = LoggerFactory.getLogger(ForwardAuth.class);
    /** What the metrics read to count decisions, one per request. */
    static final String DECISION = "gatehouse.authz.decision";
    /** Header names encoded once: this is the hot path of every protected application. */
    private static final CharSequence ORIGINAL_URL = HttpHeaders.createOptimized("X-Original-URL");
    private static final CharSequence ORIGINAL_METHOD = HttpHeaders.createOptimized("X-Original-Method");
    private static final CharSequence REMOTE_USER = HttpHeaders.createOptimized("Remote-User");
    private static final CharSequence REMOTE_GROUPS = HttpHeaders.createOptimized("Remote-Groups");
    private static final CharSequence NO_STORE = HttpHeaders.createOptimized("no-store");
    /** Untrusted peers already warned about: a flood of them writes one line each, not one per request. */
    private static final int WARNED_AT_MOST = 1000;

    private final Authorize authorize;
    private final SessionCookie cookie;
    private final List<Portal> portals;
    private final Set<String> trustedProxies;
    private final Views views;
    private final Set<String> warned = ConcurrentHashMap.newKeySet();
    /** Whether a rule looks at the client's address; else it is not read on every request. */
    private final boolean needClient;

    ForwardAuth(Authorize authorize, SessionCookie cookie, List<Portal> portals, Set<String> trustedProxies, Views views) {
        this.authorize = authorize;
        this.cookie = cookie;
        this.portals = List.copyOf(portals);
        this.trustedProxies = Set.copyOf(trustedProxies);
        this.views = views;
        this.needClient = authorize.rules().needClientAddress();
    }

    /** nginx: 200, 401 with the login page in Location (nginx makes it a redirect), or 403. */
    void authRequest(RoutingContext ctx) {
        if (!fromTrustedProxy(ctx)) {
            return;
        }
        String method = ctx.request().getHeader(ORIGINAL_METHOD);
        decide(ctx, ctx.request().getHeader(ORIGINAL_URL), method == null ? "GET" : method, "X-Original-URL", (target, login) -> {
            ctx.put(DECISION, "login_required");
            ctx.response().setStatusCode(401).putHeader(HttpHeaders.LOCATION, login).end();
        });
    }

    /** Traefik and Caddy: 200, a redirect to the login page for a browser (401 for anything else), or 403. */
    void forward(RoutingContext ctx) {
        if (!fromTrustedProxy(ctx)) {
            return;
        }
        String proto = ctx.request().getHeader("X-Forwarded-Proto");
        String host = ctx.request().getHeader("X-Forwarded-Host");
        String uri = ctx.request().getHeader("X-Forwarded-Uri");
        String method = ctx.request().getHeader("X-Forwarded-Method");
        if (proto == null || host == null || uri == null || method == null) {
            refuse(ctx, "X-Forwarded-Method, X-Forwarded-Proto, X-Forwarded-Host and X-Forwarded-Uri are all needed");
            return;
        }
        decide(ctx, proto + "://" + host + uri, method, "X-Forwarded-Proto, -Host and -Uri", (target, login) -> {
            ctx.put(DECISION, "login_required");
            if (isNavigation(ctx)) {
                boolean safe = Set.of("GET", "HEAD", "OPTIONS").contains(method.toUpperCase(Locale.ROOT));
                ctx.response().setStatusCode(safe ? 302 : 303).putHeader(HttpHeaders.LOCATION, login)
                        .putHeader(HttpHeaders.CACHE_CONTROL, "no-store").end();
            } else {
                ctx.response().setStatusCode(401).putHeader(HttpHeaders.CACHE_CONTROL, "no-store").end();
            }
        });
    }

    /** What to do when a login is needed: given the target and the login page's address. */
    private interface ToLogin {
        void send(ReturnTarget target, String loginUrl);
    }

    private void decide(RoutingContext ctx, String url, String method, String from, ToLogin toLogin) {
        Optional<ReturnTarget> target = url == null ? Optional.empty() : ReturnTarget.parse(url, cookie.domains());
        if (target.isEmpty() || target.get().isLocal() || !isMethod(method)) {
            refuse(ctx, from + " must name an https:// address under a configured --cookie-domain, and the method a method");
            return;
        }
        String host = target.get().host();
        Optional<InetAddress> client = needClient ? Network.literal(ClientAddress.of(ctx, trustedProxies)) : Optional.empty();
        Resource resource = new Resource(method, host, target.get().pathAndQuery(), client);
        Responses.whenDone(ctx, authorize.authorize(new AuthorizeCommand(cookie.read(ctx.request().headers()), resource)), result -> result.fold(
                allowed -> {
                    ctx.put(DECISION, "allowed");
                    HttpServerResponse response = ctx.response().setStatusCode(200).putHeader(HttpHeaders.CACHE_CONTROL, NO_STORE);
                    allowed.user().ifPresent(user -> identify(response, user));
                    response.end();
                    return null;
                },
                login -> {
                    // The portal of the target's domain; without portals (Gatehouse is reached on the protected host itself), its own login page.
                    toLogin.send(target.get(), Portal.forHost(portals, host).map(portal -> portal.loginUrl(target.get()))
                            .orElse("/login?next=" + java.net.URLEncoder.encode(target.get().value(), StandardCharsets.UTF_8)));
                    return null;
                },
                secondFactor -> {
                    // The same way as to the login, to the code step, which comes back here once it is done.
                    toLogin.send(target.get(), Portal.forHost(portals, host).map(portal -> portal.secondFactorUrl(target.get()))
                            .orElse(SecondFactorForms.PATH + "?next=" + java.net.URLEncoder.encode(target.get().value(), StandardCharsets.UTF_8)));
                    return null;
                },
                denied -> {
                    ctx.put(DECISION, "denied");
                    String who = denied.user().map(user -> "You are logged in as " + user.user() + ", and ").orElse("");
                    Optional<Portal> portal = Portal.forHost(portals, host);
                    ErrorPages.forbidden(ctx, views, "Access denied", who + (who.isEmpty() ? "The" : "the")
                            + " access rules do not let you open this page.", portal.map(Portal::origin).map(origin -> origin + "/").orElse(null),
                            portal.map(found -> "Go to the login portal").orElse(null));
                    return null;
                }));
    }

    /** An HTTP method's name: letters, a few of them. */
    private static boolean isMethod(String method) {
        if (method.isEmpty() || method.length() > 20) {
            return false;
        }
        for (int i = 0; i < method.length(); i++) {
            char c = method.charAt(i);
            if (!(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z')) {
                return false;
            }
        }
        return true;
    }

    /** The identity headers, and only ours: the proxy configurations in the README overwrite any the client sent. */
    private static void identify(HttpServerResponse response, UserProfile user) {
        response.putHeader(REMOTE_USER, user.user().value());
        StringBuilder groups = new StringBuilder();
        for (Group group : user.groups()) {
            groups.append(groups.length() == 0 ? "" : ",").append(group.name());
        }
        response.putHeader(REMOTE_GROUPS, groups.toString());
        user.displayName().ifPresent(name -> response.putHeader("Remote-Name", utf8(name)));
        user.email().ifPresent(email -> response.putHeader("Remote-Email", utf8(email)));
    }

    /**
     * The header value as UTF-8 bytes: HTTP headers are bytes, and Netty writes each char as one
     * byte, so a name such as Zoë is handed over as the bytes of its UTF-8 form.
     */
    private static String utf8(String value) {
        return value.chars().allMatch(c -> c < 0x80) ? value : new String(value.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
    }

    /** A browser following a link, which a redirect helps; a script or an API client gets 401 instead. */
    private static boolean isNavigation(RoutingContext ctx) {
        String accept = ctx.request().getHeader(HttpHeaders.ACCEPT);
        return accept != null && accept.toLowerCase(Locale.ROOT).contains("text/html") && ctx.request().getHeader("X-Requested-With") == null;
    }

    /**
     * Whether the request comes from a proxy that is trusted to say which request it asks about.
     * From anyone else, 403, and a warning once per address: anybody could write those headers.
     */
    private boolean fromTrustedProxy(RoutingContext ctx) {
        String peer = ctx.request().remoteAddress().hostAddress();
        if (trustedProxies.contains(peer)) {
            return true;
        }
        if (warned.size() < WARNED_AT_MOST && warned.add(peer)) {
            LOG.warn("Refused a forward-auth request from {}, which is not a --trusted-proxy: only the proxy in front of the protected "
                    + "sites may ask (further refusals of {} are not logged)", peer, peer);
        }
        ctx.put(DECISION, "untrusted");
        ErrorPages.forbidden(ctx, views, "Forbidden", "Only the reverse proxy in front of the protected sites may ask this.", null, null);
        return false;
    }

    private void refuse(RoutingContext ctx, String why) {
        ctx.put(DECISION, "bad_request");
        ErrorPages.badRequest(ctx, views, why + ".");
    }
}
