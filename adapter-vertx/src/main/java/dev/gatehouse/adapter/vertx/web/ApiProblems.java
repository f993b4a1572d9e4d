package dev.gatehouse.adapter.vertx.web;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

import java.util.Objects;

/**
 * Errors of the JSON API as RFC 9457 problem details: a status, a short title and a sentence for
 * people, never an internal detail. Login failures have one title whatever went wrong.
 */
final class ApiProblems {

    static final String CONTENT_TYPE = "application/problem+json";

    private ApiProblems() {
    }

    static boolean isApi(RoutingContext ctx) {
        return ctx.request().path().startsWith("/api/");
    }

    /** @param detail a sentence saying what to do about it: every problem has one */
    static void send(RoutingContext ctx, int status, String title, String detail) {
        JsonObject problem = new JsonObject().put("type", "about:blank").put("title", title).put("status", status)
                .put("detail", Objects.requireNonNull(detail, "detail"));
        ctx.response().setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, CONTENT_TYPE)
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
                .end(problem.toBuffer());
    }
}
