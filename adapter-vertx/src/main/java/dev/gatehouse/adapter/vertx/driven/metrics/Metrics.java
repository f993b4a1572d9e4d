package dev.gatehouse.adapter.vertx.driven.metrics;

import dev.gatehouse.domain.AuditEvent;
import dev.gatehouse.domain.AuditLog;
import dev.gatehouse.domain.LoginThrottle;
import dev.gatehouse.domain.SessionRepository;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * What operators watch of the driven side, through Micrometer: every audited event counted by kind
 * (logins by outcome, throttles, logouts, timeouts, revocations, user changes), the sessions the
 * store holds, and the latency and errors of every call to the session store and the throttle's
 * counters. The web side's request timer and the scrape endpoint ({@code web.MetricsEndpoints})
 * share its registry.
 */
public final class Metrics {

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Map<AuditEvent.Kind, Counter> events = new EnumMap<>(AuditEvent.Kind.class);
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

    /** The registry the web side records requests in and scrapes. */
    public PrometheusMeterRegistry registry() {
        return registry;
    }

    /** What to do just before a scrape, so counts a store must be asked for are fresh: nothing, unless a count was asked for. */
    public CompletionStage<Void> beforeScrape() {
        return beforeScrape.get();
    }
}
