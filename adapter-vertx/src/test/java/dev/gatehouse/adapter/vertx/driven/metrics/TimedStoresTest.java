package dev.gatehouse.adapter.vertx.driven.metrics;

import dev.gatehouse.domain.LoginThrottle;
import dev.gatehouse.domain.StoreUnavailable;
import dev.gatehouse.domain.Username;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

class TimedStoresTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @Test
    void givenCallsThatSucceedAndFail_thenEachIsTimedByOutcomeAndTheFailureStillReachesTheCaller() {
        LoginThrottle flaky = new LoginThrottle() {
            @Override
            public CompletionStage<Admission> admit(Attempt attempt, Instant now) {
                return CompletableFuture.completedFuture(new Admission.Allowed());
            }

            @Override
            public CompletionStage<Void> settle(Attempt attempt, Outcome outcome, Instant now) {
                return CompletableFuture.failedFuture(new StoreUnavailable("throttle counters (Redis)", null));
            }
        };
        LoginThrottle timed = new TimedStores(registry).throttle(flaky);
        Username alice = new Username("alice");

        timed.admit(LoginThrottle.Attempt.byStranger(alice, "203.0.113.7"), Instant.EPOCH).toCompletableFuture().join();
        CompletionException failed = assertThrows(CompletionException.class,
                () -> timed.settle(LoginThrottle.Attempt.byStranger(alice, "203.0.113.7"), LoginThrottle.Outcome.FAILED, Instant.EPOCH).toCompletableFuture().join());

        assertInstanceOf(StoreUnavailable.class, failed.getCause());
        assertEquals(1, registry.get("gatehouse.store").tags("store", "throttle", "operation", "admit", "outcome", "ok").timer().count());
        assertEquals(1, registry.get("gatehouse.store").tags("store", "throttle", "operation", "settle", "outcome", "error").timer().count());
    }
}
