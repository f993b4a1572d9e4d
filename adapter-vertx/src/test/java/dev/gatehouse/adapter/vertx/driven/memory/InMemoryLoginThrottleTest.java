package dev.gatehouse.adapter.vertx.driven.memory;

import dev.gatehouse.application.contract.LoginThrottleContract;
import dev.gatehouse.domain.LoginThrottle;
import dev.gatehouse.domain.LoginThrottle.Admission;
import dev.gatehouse.domain.LoginThrottle.Outcome;
import dev.gatehouse.domain.ThrottlePolicy;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

class InMemoryLoginThrottleTest extends LoginThrottleContract {

    private InMemoryLoginThrottle memory;

    @Override
    protected LoginThrottle createThrottle(ThrottlePolicy policy) {
        memory = new InMemoryLoginThrottle(policy);
        return memory;
    }

    @Test
    void givenTime_thenIdleCountersAreForgotten() {
        assertInstanceOf(Admission.Allowed.class, memory.admit(LoginThrottle.Attempt.byStranger(ALICE, "client"), T0).toCompletableFuture().join());
        memory.settle(LoginThrottle.Attempt.byStranger(ALICE, "client"), Outcome.FAILED, T0);
        assertEquals(2, memory.size(), "alice and her client");
        memory.forgetIdle(T0.plus(Duration.ofHours(1)));
        assertEquals(1, memory.size(), "the client's allowance is whole again; alice's failure is remembered for a day");
        memory.forgetIdle(T0.plus(Duration.ofHours(24)));
        assertEquals(0, memory.size());
    }
}
