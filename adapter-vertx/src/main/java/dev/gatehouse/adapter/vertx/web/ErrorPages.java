package dev.gatehouse.adapter.vertx.web;

import dev.gatehouse.domain.StoreUnavailable;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpClosedException;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Every error a visitor can meet, as a short plain page with the right status: never a stack
 * trace, never an internal detail. Unexpected failures are logged here, once.
 */
final class ErrorPages {

    private static final Logger LOG = LoggerFactory.getLogger(ErrorPages.class);
    static final Duration RETRY_AFTER_UNAVAILABLE = Duration.ofSeconds(5);

    private ErrorPages() {
    }

    /** The page for each status a request can fail with; anything else is a 500. */
    private static final Map<Integer, MessagePage> PAGES = Map.of(
            400, page("Bad request", "The request could not be understood."),
            403, page("Forbidden", "This request was refused because it did not come from this site's own pages."),
            404, page("Not found", "There is no page at this address."),
            405, page("Method not allowed", "This page does not accept that kind of request."),
            413, page("Request too large", "The request is larger than this page accepts."),
            415, page("Unsupported form", "This page accepts only an HTML form (application/x-www-form-urlencoded)."));

    /** Every error of a router that is Gatehouse's alone, whatever its status, the router's own 404 and 405 included. */
    static void register(Router router, Views views) {
        Handler<RoutingContext> failures = failureHandler(router, views);
        // By status, not as a failure route: a route is looked at on every request, an error handler only on an error.
        router.errorHandler(BROKEN_OFF, failures);
        for (int status = 400; status < 600; status++) {
            router.errorHandler(status, failures);
        }
    }

    /** For Gatehouse's routes on a router: their failures; the router tells a 405's {@code Allow}. */
    static Handler<RoutingContext> failureHandler(Router router, Views views) {
        return ctx -> handle(ctx, router, views);
    }

    private static void handle(RoutingContext ctx, Router router, Views views) {
        Throwable failure = ctx.failure();
        if (failure != null && ctx.statusCode() == BROKEN_OFF) {
            brokenOff(ctx, failure, views);
            return;
        }
        if (ctx.statusCode() == 405) {
            ctx.response().putHeader(HttpHeaders.ALLOW, allowed(router, ctx.request().path()));
        }
        if (failure instanceof StoreUnavailable unavailable) {
            // Fail closed, say so plainly, and let the client come back: nothing here is a bug.
            LOG.warn("Request to {} {} refused: {} ({})", ctx.request().method(), ctx.request().path(), unavailable.getMessage(),
                    unavailable.getCause() == null ? "no cause" : unavailable.getCause().getMessage());
            ctx.response().putHeader(HttpHeaders.RETRY_AFTER, Long.toString(RETRY_AFTER_UNAVAILABLE.toSeconds()));
            render(ctx, views, 503, new MessagePage("Briefly unavailable",
                    "The service cannot reach its session or user store just now. Please try again in a few seconds."));
            return;
        }
        MessagePage page = PAGES.get(ctx.statusCode());
        if (page != null) {
            render(ctx, views, ctx.statusCode(), page);
            return;
        }
        if (ctx.statusCode() >= 400 && ctx.statusCode() < 500) {
            // Another refusal of the client's request (417 for an Expect we do not meet, ...): its status, a plain page.
            render(ctx, views, ctx.statusCode(), page("Request refused", "This request cannot be answered as it was sent."));
            return;
        }
        if (failure != null) {
            LOG.error("Request to {} {} failed", ctx.request().method(), ctx.request().path(), failure);
        }
        render(ctx, views, 500, new MessagePage("Something went wrong", "The server could not answer this request. Please try again."));
    }

    /**
     * vertx-web's BodyHandler fails a request whose own stream failed while its body was read
     * with this status: a malformed chunk, a body in a broken encoding, or a client that hung up
     * mid-body. That is the client's doing, never ours: a WARN (nothing for a hang-up, which is
     * routine), and a 400 if anyone is still there to read it.
     */
    private static final int BROKEN_OFF = 200;

    private static void brokenOff(RoutingContext ctx, Throwable failure, Views views) {
        if (failure instanceof HttpClosedException) {
            LOG.debug("Client hung up during its request to {} {}", ctx.request().method(), ctx.request().path());
        } else {
            LOG.warn("Request to {} {} refused: its body could not be read ({})", ctx.request().method(), ctx.request().path(), failure.toString());
        }
        if (!ctx.response().closed()) {
            ctx.response().putHeader(HttpHeaders.CONNECTION, "close");
            badRequest(ctx, views, "The request's body could not be read.");
            RequestGate.flushBeforeClose(ctx.request().connection());
        }
    }

    /** The methods a path of this router answers, for a 405's {@code Allow}. */
    private static String allowed(Router router, String path) {
        Set<String> methods = new TreeSet<>();
        for (Route route : router.getRoutes()) {
            if (path.equals(route.getPath()) && route.methods() != null) {
                route.methods().forEach(method -> methods.add(method.name()));
            }
        }
        return String.join(", ", methods);
    }

    static void badRequest(RoutingContext ctx, Views views, String why) {
        render(ctx, views, 400, new MessagePage("Bad request", why));
    }

    /** 403 with a page that says why, for a request Gatehouse will not serve (or let through). */
    static void forbidden(RoutingContext ctx, Views views, String title, String why, String linkHref, String linkText) {
        render(ctx, views, 403, new MessagePage(title, why, linkHref, linkText));
    }

    static void formExpired(RoutingContext ctx, Views views) {
        render(ctx, views, 403, new MessagePage("This form has expired",
                "For your security, forms are valid for one session only. Please try again.", "/login", "Back to the login page"));
    }

    private static MessagePage page(String title, String message) {
        return new MessagePage(title, message, "/", "Go to the start page");
    }

    private static void render(RoutingContext ctx, Views views, int status, MessagePage page) {
        if (ctx.response().ended() || ctx.response().closed()) {
            return;
        }
        if (ctx.response().headWritten()) {
            ctx.response().reset();
            return;
        }
        if (ApiProblems.isApi(ctx)) {
            MessagePage text = API_TEXTS.getOrDefault(status, page);
            ApiProblems.send(ctx, status, text.title(), text.message());
            return;
        }
        Responses.page(ctx, status, views.message(page));
    }

    /** Where the page speaks of pages and forms, the API's problem says what the API wants. */
    private static final Map<Integer, MessagePage> API_TEXTS = Map.of(
            403, new MessagePage("Forbidden", "This request was refused because it came from another site."),
            404, new MessagePage("Not found", "There is no such endpoint; the API is described at /api/openapi.yaml."),
            405, new MessagePage("Method not allowed", "This endpoint does not accept that method."),
            413, new MessagePage("Request too large", "The request body is larger than this endpoint accepts."),
            415, new MessagePage("Unsupported media type", "This endpoint accepts only application/json."));
}
