package dev.gatehouse.adapter.vertx.web;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.Http2Settings;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.healthchecks.HealthChecks;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The HTTP adapter: the tutorial's routes ({@code /}, {@code /home}, {@code /login},
 * {@code /logout}) plus the stylesheet, with the limits and headers a real deployment needs.
 * One instance per event loop; they share the use cases, which are thread-safe.
 */
public final class WebVerticle extends VerticleBase {

    /** How long requests in flight may take to finish when the server stops (SIGTERM gives the whole stop 10 s). */
    public static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(5);

    private final HttpSettings settings;
    private final WebUseCases useCases;
    private final SessionCookie cookie;
    private final Health health;
    private HttpServer server;

    private final Handler<RoutingContext> observer;

    /** @param observer runs first on every request (the metrics' timer) */
    public WebVerticle(HttpSettings settings, WebUseCases useCases, SessionCookie cookie, Health health,
                       Handler<RoutingContext> observer) {
        this.settings = settings;
        this.useCases = useCases;
        this.cookie = cookie;
        this.health = health;
        this.observer = observer;
    }

    /**
     * What the health endpoints report: {@code live} that the process answers, {@code ready} that
     * the stores it needs answer too. Neither reads a cookie, so probes make no session, count
     * towards no throttle and write no audit line.
     */
    public record Health(HealthChecks live, HealthChecks ready) {
    }

    @Override
    public Future<?> start() {
        HttpServerOptions options = new HttpServerOptions()
                .setHost(settings.host())
                .setPort(settings.port())
                .setMaxInitialLineLength(settings.maxUrlLength())
                .setMaxHeaderSize(settings.maxHeaderSize())
                .setMaxFormAttributeSize(settings.formBodyLimit())
                // Vert.x speaks h2c by default; Gatehouse only when asked, and HTTP/2's headers get HTTP/1.1's limit.
                .setHttp2ClearTextEnabled(settings.h2c())
                .setInitialSettings(new Http2Settings().setMaxHeaderListSize(settings.maxHeaderSize()))
                .setIdleTimeout((int) settings.idleTimeout().toMillis())
                .setIdleTimeoutUnit(TimeUnit.MILLISECONDS);
        settings.tls().ifPresent(files -> options.setSsl(true).setKeyCertOptions(new PemKeyCertOptions()
                .setCertPath(files.certificate().toString()).setKeyPath(files.key().toString())));
        RequestGate gate = new GatehouseRoutes(settings, useCases, cookie).mountStandalone(Router.router(vertx), health.live(), health.ready(),
                observer);
        server = vertx.createHttpServer(options)
                .requestHandler(gate)
                .invalidRequestHandler(gate::refuseUndecodable)
                .connectionHandler(connection -> {
                    KnownVersionsOnly.install(connection);
                    // A connection the decoder gives up on is closed at once: what it was already answered is flushed first.
                    connection.exceptionHandler(failure -> RequestGate.flushBeforeClose(connection));
                });
        return server.listen();
    }

    /**
     * Stops gracefully: no new connections, and requests already in flight get up to
     * {@link #SHUTDOWN_GRACE} to finish before the connections close.
     */
    @Override
    public Future<?> stop() {
        return server.shutdown(SHUTDOWN_GRACE.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The port actually bound: the configured one, or the free one picked for port 0. */
    public int actualPort() {
        return server.actualPort();
    }

}
