package dev.gatehouse.adapter.vertx.http;

import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Serves the one stylesheet from memory (read from the jar once), so no request touches the file system. */
final class Stylesheet implements Handler<RoutingContext> {

    static final String PATH = "/static/gatehouse.css";

    private final Buffer content;

    Stylesheet() {
        try (InputStream in = Stylesheet.class.getResourceAsStream("gatehouse.css")) {
            if (in == null) {
                throw new IllegalStateException("gatehouse.css is missing from the jar");
            }
            content = Buffer.buffer(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void handle(RoutingContext ctx) {
        ctx.response()
                .putHeader(HttpHeaders.CONTENT_TYPE, "text/css; charset=utf-8")
                .putHeader(HttpHeaders.CACHE_CONTROL, "public, max-age=3600")
                .end(content);
    }
}
