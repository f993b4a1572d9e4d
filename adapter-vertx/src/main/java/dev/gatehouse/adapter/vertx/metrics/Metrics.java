package dev.gatehouse.adapter.vertx.metrics;

import dev.gatehouse.domain.AuditEvent;
import dev.gatehouse.domain.AuditLog;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * What operators watch, in Prometheus's text format through Micrometer: request latency as a
 * histogram by method and status, every audited event counted by kind (logins by outcome,
 * throttles, logouts, timeouts, revocations, user changes), and the sessions the embedded store holds.
 */
public final class Metrics {

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Map<AuditEvent.Kind, Counter> events = new EnumMap<>(AuditEvent.Kind.class);
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();

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

    /** Reports how many sessions a store holds now. */
    public void sessionsHeld(Supplier<Number> count) {
        Gauge.builder("gatehouse.sessions", count).description("Sessions held by the embedded store").register(registry);
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
        return ctx -> ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, "text/plain; version=0.0.4; charset=utf-8")
                .end(registry.scrape());
    }
}
