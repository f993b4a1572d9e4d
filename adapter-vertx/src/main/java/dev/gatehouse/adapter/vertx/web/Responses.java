package dev.gatehouse.adapter.vertx.web;

import dev.gatehouse.application.LogInResult;
import dev.gatehouse.domain.LocalPath;
import dev.gatehouse.domain.ReturnTarget;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;

import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

/** How every answer leaves the server: the headers each kind carries, and the bridge from the core's stages. */
final class Responses {

    // Header names and values encoded once, so each response copies bytes instead of encoding strings.
    static final CharSequence HTML = HttpHeaders.createOptimized("text/html; charset=utf-8");
    private static final CharSequence NO_STORE = HttpHeaders.createOptimized("no-store");

    private Responses() {
    }

    /** An HTML page. Pages carry a session's name or token, so no cache may keep them. */
    static void page(RoutingContext ctx, int status, Buffer html) {
        page(ctx.response(), status, html);
    }

    static void page(HttpServerResponse response, int status, Buffer html) {
        response.setStatusCode(status);
        response.headers().add(HttpHeaders.CONTENT_TYPE, HTML).add(HttpHeaders.CACHE_CONTROL, NO_STORE);
        response.end(html);
    }

    /** Says how long a throttled client must wait (a 429's Retry-After), in whole seconds as the page says it. */
    static void retryAfter(RoutingContext ctx, Duration wait) {
        ctx.response().putHeader(HttpHeaders.RETRY_AFTER, Long.toString(LogInResult.Throttled.wholeSeconds(wait)));
    }

    /** A redirect to a path of this site; the Location never comes from the Host header. */
    static void redirect(RoutingContext ctx, int status, LocalPath location) {
        redirect(ctx, status, new ReturnTarget(location.value()));
    }

    /** A redirect to a path of this site or a protected site's URL, checked before it came here. */
    static void redirect(RoutingContext ctx, int status, ReturnTarget location) {
        ctx.response()
                .setStatusCode(status)
                .putHeader(HttpHeaders.LOCATION, location.value())
                .putHeader(HttpHeaders.CACHE_CONTROL, NO_STORE)
                .end();
    }

    /**
     * Continues with the core's answer on this request's event loop; a failure goes to the
     * router's failure handling (a plain error page, never a stack trace). An answer that is
     * already there (the in-memory store's always is) is used at once: the handler is still on
     * its event loop, so the hot path pays nothing for the asynchronous ports.
     */
    static <T> void whenDone(RoutingContext ctx, CompletionStage<T> stage, Consumer<T> next) {
        CompletableFuture<T> answer = stage.toCompletableFuture();
        if (answer.isDone()) {
            T result;
            try {
                result = answer.join();
            } catch (CompletionException | CancellationException failure) {
                ctx.fail(unwrap(failure));
                return;
            }
            proceed(ctx, next, result);
            return;
        }
        Future.fromCompletionStage(stage, ctx.vertx().getOrCreateContext()).onComplete(outcome -> {
            if (outcome.failed()) {
                ctx.fail(unwrap(outcome.cause()));
            } else {
                proceed(ctx, next, outcome.result());
            }
        });
    }

    private static <T> void proceed(RoutingContext ctx, Consumer<T> next, T result) {
        try {
            next.accept(result);
        } catch (RuntimeException bug) {
            ctx.fail(bug);
        }
    }

    static Throwable unwrap(Throwable failure) {
        Throwable cause = failure;
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}
