package dev.gatehouse.adapter.vertx.driven.metrics;

import dev.gatehouse.domain.AuditEvent;
import dev.gatehouse.domain.AuditLog;
import dev.gatehouse.domain.LoginThrottle;
import dev.gatehouse.domain.SessionRepository;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * What operators watch, in Prometheus's text format through Micrometer: request latency as a
 * histogram by method and status, every audited event counted by kind (logins by outcome,
 * throttles, logouts, timeouts, revocations, user changes), the sessions the embedded store holds,
 * and the latency and errors of every call to the session store and the throttle's counters.
 */
public final class Metrics {

    private static final Logger LOG = LoggerFactory.getLogger(Metrics.class);

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Map<AuditEvent.Kind, Counter> events = new EnumMap<>(AuditEvent.Kind.class);
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();
    private final TimedStores stores = new TimedStores(registry);
    private volatile Supplier<CompletionStage<Void>> beforeScrape = () -> CompletableFuture.completedFuture(null);

    public Metrics() {
        for (AuditEvent.Kind kind : AuditEvent.Kind.values()) {
            events.put(kind, Counter.builder("gatehouse.events").description("Audited events, by kind")
                    .tag("event", kind.label()).register(registry));
        }
    }

    /** The audit log, with every event also counted. */
    public AuditLog counting(AuditLog audit) {
        return event -> {
            events.get(event.kind()).increment();
            audit.record(event);
        };
    }

    /** The session store, with each call timed by operation and outcome. */
    public SessionRepository timed(SessionRepository sessions) {
        return stores.sessions(sessions);
    }

    /** The throttle's counters, with each call timed by operation and outcome. */
    public LoginThrottle timed(LoginThrottle throttle) {
        return stores.throttle(throttle);
    }

    /** Reports how many sessions a store holds now. */
    public void sessionsHeld(Supplier<Number> count) {
        Gauge.builder("gatehouse.sessions", count).description("Sessions held by the session store").register(registry);
    }

    /**
     * Reports the sessions of a store that must be asked (Redis): counted once per scrape, just
     * before it, so the figure is fresh and nobody pays for it between scrapes.
     */
    public void sessionsCounted(Supplier<CompletionStage<Long>> count) {
        AtomicLong last = new AtomicLong();
        sessionsHeld(last::get);
        beforeScrape = () -> count.get().thenAccept(last::set);
    }

    /** A router handler that times every request, from its start to its last byte. */
    public Handler<RoutingContext> requestTimer() {
        return ctx -> {
            long start = System.nanoTime();
            ctx.addBodyEndHandler(ended -> timer(ctx.request().method().name(), ctx.response().getStatusCode())
                    .record(System.nanoTime() - start, TimeUnit.NANOSECONDS));
            ctx.next();
        };
    }

    /** One timer per method and status, made once: registering on every request would cost more than the greeting. */
    private Timer timer(String method, int status) {
        return timers.computeIfAbsent(method + ' ' + status, key -> Timer.builder("http.server.requests")
                .description("HTTP requests, by method and status")
                .tag("method", method)
                .tag("status", Integer.toString(status))
                .publishPercentileHistogram()
                .register(registry));
    }

    /** The handler of the metrics listener: everything in Prometheus's text format. */
    public Handler<RoutingContext> scrape() {
        return ctx -> Future.fromCompletionStage(beforeScrape.get(), ctx.vertx().getOrCreateContext()).onComplete(counted -> {
            if (counted.failed()) {
                // The store did not answer: the last count stands, and the store's timer says why.
                LOG.warn("Could not count the sessions for /metrics: {}", counted.cause().getMessage());
            }
            ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, "text/plain; version=0.0.4; charset=utf-8").end(registry.scrape());
        });
    }
}
