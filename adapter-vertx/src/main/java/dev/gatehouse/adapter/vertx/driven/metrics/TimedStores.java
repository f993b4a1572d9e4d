package dev.gatehouse.adapter.vertx.driven.metrics;

import dev.gatehouse.domain.LoginThrottle;
import dev.gatehouse.domain.Session;
import dev.gatehouse.domain.SessionEnd;
import dev.gatehouse.domain.SessionId;
import dev.gatehouse.domain.SessionRepository;
import dev.gatehouse.domain.SessionSummary;
import dev.gatehouse.domain.Username;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The session store and the throttle's counters, each call timed: {@code gatehouse_store_seconds}
 * by store, operation and outcome ({@code ok} or {@code error}), so operators see a slow or failing
 * Redis before users do. Only wired in when metrics are on.
 */
final class TimedStores {

    private final MeterRegistry registry;
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();

    TimedStores(MeterRegistry registry) {
        this.registry = registry;
    }

    <T> CompletionStage<T> timed(String store, String operation, Supplier<CompletionStage<T>> call) {
        long start = System.nanoTime();
        CompletionStage<T> stage;
        try {
            stage = call.get();
        } catch (RuntimeException failure) {
            timer(store, operation, "error").record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
            throw failure;
        }
        return stage.whenComplete((result, failure) ->
                timer(store, operation, failure == null ? "ok" : "error").record(System.nanoTime() - start, TimeUnit.NANOSECONDS));
    }

    private Timer timer(String store, String operation, String outcome) {
        return timers.computeIfAbsent(store + ' ' + operation + ' ' + outcome, key -> Timer.builder("gatehouse.store")
                .description("Calls to the session store and the throttle's counters, by operation and outcome")
                .tag("store", store).tag("operation", operation).tag("outcome", outcome)
                .publishPercentileHistogram()
                .register(registry));
    }

    SessionRepository sessions(SessionRepository store) {
        return new SessionRepository() {
            @Override
            public CompletionStage<Optional<Session>> load(SessionId id) {
                return timed("sessions", "load", () -> store.load(id));
            }

            @Override
            public CompletionStage<Void> save(Session session) {
                return timed("sessions", "save", () -> store.save(session));
            }

            @Override
            public CompletionStage<Boolean> touch(SessionId id, Instant lastSeenAt) {
                return timed("sessions", "touch", () -> store.touch(id, lastSeenAt));
            }

            @Override
            public CompletionStage<Boolean> putAttribute(SessionId id, String name, String value) {
                return timed("sessions", "put_attribute", () -> store.putAttribute(id, name, value));
            }

            @Override
            public CompletionStage<Void> delete(SessionId id) {
                return timed("sessions", "delete", () -> store.delete(id));
            }

            @Override
            public CompletionStage<List<SessionSummary>> listLoggedIn(Optional<Username> user) {
                return timed("sessions", "list", () -> store.listLoggedIn(user));
            }

            @Override
            public CompletionStage<Boolean> end(String storageKey, SessionEnd why) {
                return timed("sessions", "delete", () -> store.end(storageKey, why));
            }

            @Override
            public CompletionStage<Optional<SessionEnd>> howEnded(SessionId id) {
                return timed("sessions", "load", () -> store.howEnded(id));
            }
        };
    }

    LoginThrottle throttle(LoginThrottle throttle) {
        return new LoginThrottle() {
            @Override
            public CompletionStage<Admission> admit(Attempt attempt, Instant now) {
                return timed("throttle", "admit", () -> throttle.admit(attempt, now));
            }

            @Override
            public CompletionStage<Void> settle(Attempt attempt, Outcome outcome, Instant now) {
                return timed("throttle", "settle", () -> throttle.settle(attempt, outcome, now));
            }
        };
    }
}
