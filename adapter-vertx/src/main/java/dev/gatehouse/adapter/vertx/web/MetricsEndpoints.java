package dev.gatehouse.adapter.vertx.web;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The web side of the metrics: request latency as a histogram by method and status, forward-auth
 * answers by decision ({@code gatehouse_authz_total{decision="allowed"}}), and the
 * scrape endpoint of the metrics listener, in Prometheus's text format, over the registry the
 * composition root shares with the driven side's meters.
 */
public final class MetricsEndpoints {

    private static final Logger LOG = LoggerFactory.getLogger(MetricsEndpoints.class);

    private final PrometheusMeterRegistry registry;
    private final Supplier<CompletionStage<Void>> beforeScrape;
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();
    private final Map<String, Counter> decisions = new ConcurrentHashMap<>();

    /** @param beforeScrape brings counts a store must be asked for up to date, just before each scrape */
    public MetricsEndpoints(PrometheusMeterRegistry registry, Supplier<CompletionStage<Void>> beforeScrape) {
        this.registry = registry;
        this.beforeScrape = beforeScrape;
    }

    /** A router handler that times every request, from its start to its last byte. */
    public Handler<RoutingContext> requestTimer() {
        return ctx -> {
            long start = System.nanoTime();
            ctx.addBodyEndHandler(ended -> {
                timer(ctx.request().method().name(), ctx.response().getStatusCode()).record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
                String decision = ctx.get(ForwardAuth.DECISION);
                if (decision != null) {
                    // Every forward-auth answer counted by its decision: allowed ones are not audited one by one.
                    decisions.computeIfAbsent(decision, name -> Counter.builder("gatehouse.authz").description("Forward-auth answers, by decision")
                            .tag("decision", name).register(registry)).increment();
                }
            });
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
