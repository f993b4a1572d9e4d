package dev.gatehouse.adapter.vertx.web;

import dev.gatehouse.domain.SessionId;
import io.vertx.core.Handler;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;


/**
 * One JSON line per request on the logger {@value #LOGGER} (its own asynchronous appender):
 * method, path, status, milliseconds, and the handle of the session the request came with, when
 * it had a valid one. Never a cookie, a query string or a header: a path is all of the URL that is
 * kept. Off unless asked for ({@code --access-log}): a proxy in front usually logs requests already.
 */
final class RequestLog implements Handler<RoutingContext> {

    static final String LOGGER = "gatehouse.requests";
    private static final Logger LOG = LoggerFactory.getLogger(LOGGER);

    private final SessionCookie cookie;

    /** The cookie is read again for the line, so that with the log off no request pays for it. */
    RequestLog(SessionCookie cookie) {
        this.cookie = cookie;
    }

    @Override
    public void handle(RoutingContext ctx) {
        long start = System.nanoTime();
        ctx.addBodyEndHandler(ended -> {
            JsonObject line = new JsonObject()
                    .put("method", ctx.request().method().name())
                    .put("path", ctx.request().path())
                    .put("status", ctx.response().getStatusCode())
                    .put("ms", Math.round((System.nanoTime() - start) / 100_000.0) / 10.0);
            cookie.read(ctx.request().headers()).map(SessionId::handle).ifPresent(session -> line.put("session", session));
            LOG.info(line.encode());
        });
        ctx.next();
    }
}
