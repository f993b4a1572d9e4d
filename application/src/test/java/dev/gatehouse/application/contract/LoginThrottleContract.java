package dev.gatehouse.application.contract;

import dev.gatehouse.domain.LoginThrottle;
import dev.gatehouse.domain.LoginThrottle.Admission;
import dev.gatehouse.domain.LoginThrottle.Attempt;
import dev.gatehouse.domain.LoginThrottle.Outcome;
import dev.gatehouse.domain.ThrottlePolicy;
import dev.gatehouse.domain.Username;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/** What every {@link LoginThrottle} must do; each implementation's test extends this. */
public abstract class LoginThrottleContract {

    protected static final Instant T0 = Instant.parse("2026-01-01T09:00:00Z");
    protected static final Username ALICE = new Username("alice");
    private static final String CLIENT = "198.51.100.1";

    protected LoginThrottle throttle;

    protected abstract LoginThrottle createThrottle(ThrottlePolicy policy);

    @BeforeEach
    protected void setUpThrottle() {
        throttle = createThrottle(ThrottlePolicy.DEFAULT);
    }

    private Admission admit(Username account, String client, Instant now) {
        return throttle.admit(Attempt.byStranger(account, client), now).toCompletableFuture().join();
    }

    /** One whole attempt that fails, from a client of its own so only the account's counter matters. */
    private void fail(Username account, Instant now) {
        String client = "client-of-" + now;
        assertInstanceOf(Admission.Allowed.class, admit(account, client, now));
        throttle.settle(Attempt.byStranger(account, client), Outcome.FAILED, now).toCompletableFuture().join();
    }

    private Duration waitFor(Username account, Instant now) {
        return assertInstanceOf(Admission.Wait.class, admit(account, "someone-else", now)).retryAfter();
    }

    @Test
    protected void givenAStrangerWhoLockedTheAccount_thenItsKnownDevicesStillGetIn_andEachBacksOffOnItsOwn() {
        for (int i = 0; i < 5; i++) {
            fail(ALICE, T0);
        }
        assertInstanceOf(Admission.Wait.class, admit(ALICE, "stranger", T0), "strangers are locked out");
        Attempt laptop = new Attempt(ALICE, "home", Optional.of("laptop-id"));
        assertInstanceOf(Admission.Allowed.class, throttle.admit(laptop, T0).toCompletableFuture().join(), "alice's own browser is not");
        throttle.settle(laptop, Outcome.FAILED, T0).toCompletableFuture().join();
        for (int i = 0; i < 4; i++) {
            assertInstanceOf(Admission.Allowed.class, throttle.admit(laptop, T0).toCompletableFuture().join());
            throttle.settle(laptop, Outcome.FAILED, T0).toCompletableFuture().join();
        }
        assertInstanceOf(Admission.Wait.class, throttle.admit(laptop, T0).toCompletableFuture().join(), "a device fails five times, then it backs off");
        Attempt phone = new Attempt(ALICE, "mobile", Optional.of("phone-id"));
        assertInstanceOf(Admission.Allowed.class, throttle.admit(phone, T0).toCompletableFuture().join(), "and only that device");
    }

    @Test
    protected void givenFiveFailures_thenTheAccountBacksOffForADoublingTimeUpToFifteenMinutes() {
        Instant now = T0;
        for (int i = 0; i < 4; i++) {
            fail(ALICE, now);
        }
        fail(ALICE, now);
        assertEquals(Duration.ofSeconds(1), waitFor(ALICE, now));
        now = now.plusSeconds(1);
        fail(ALICE, now);
        assertEquals(Duration.ofSeconds(2), waitFor(ALICE, now));
        for (int failures = 7; failures <= 20; failures++) {
            now = now.plus(ThrottlePolicy.DEFAULT.accountBackoff(failures - 1));
            fail(ALICE, now);
        }
        assertEquals(Duration.ofMinutes(15), waitFor(ALICE, now), "the back-off stops doubling at 15 minutes");
    }

    @Test
    protected void givenASuccess_thenTheAccountsFailuresAreForgotten() {
        for (int i = 0; i < 4; i++) {
            fail(ALICE, T0);
        }
        assertInstanceOf(Admission.Allowed.class, admit(ALICE, CLIENT, T0));
        throttle.settle(Attempt.byStranger(ALICE, CLIENT), Outcome.SUCCEEDED, T0).toCompletableFuture().join();
        for (int i = 0; i < 4; i++) {
            fail(ALICE, T0);
        }
        assertInstanceOf(Admission.Allowed.class, admit(ALICE, CLIENT, T0), "four failures since the success, not eight");
    }

    @Test
    protected void givenFiftyParallelAttempts_thenNoMoreThanTheThresholdAreAdmitted() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        List<Callable<Admission>> attempts = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            String client = "client-" + i;
            attempts.add(() -> {
                start.await();
                return admit(ALICE, client, T0);
            });
        }
        List<Future<Admission>> results = new ArrayList<>();
        for (Callable<Admission> attempt : attempts) {
            results.add(pool.submit(attempt));
        }
        start.countDown();
        int allowed = 0;
        for (Future<Admission> result : results) {
            allowed += result.get(10, TimeUnit.SECONDS) instanceof Admission.Allowed ? 1 : 0;
        }
        pool.shutdown();
        assertEquals(ThrottlePolicy.DEFAULT.accountThreshold(), allowed);
    }

    @Test
    protected void givenTheBackOffHasPassed_thenOneAttemptAtATimeIsAdmitted() {
        for (int i = 0; i < 5; i++) {
            fail(ALICE, T0);
        }
        Instant later = T0.plusSeconds(1);
        assertInstanceOf(Admission.Allowed.class, admit(ALICE, "a", later));
        assertInstanceOf(Admission.Wait.class, admit(ALICE, "b", later), "a second attempt waits for the first");
        throttle.settle(Attempt.byStranger(ALICE, "a"), Outcome.NOT_CHECKED, later).toCompletableFuture().join();
        assertInstanceOf(Admission.Allowed.class, admit(ALICE, "b", later), "an attempt that was not checked is given back");
    }

    @Test
    protected void givenOneClientSprayingManyAccounts_thenItWaitsAfterTwentyFailuresAndEarnsOneBackEveryThirtySeconds() {
        for (int i = 0; i < 20; i++) {
            Username account = new Username("user" + i);
            assertInstanceOf(Admission.Allowed.class, admit(account, CLIENT, T0));
            throttle.settle(Attempt.byStranger(account, CLIENT), Outcome.FAILED, T0).toCompletableFuture().join();
        }
        Admission refused = admit(new Username("user20"), CLIENT, T0);
        assertEquals(Duration.ofSeconds(30), assertInstanceOf(Admission.Wait.class, refused).retryAfter());
        assertInstanceOf(Admission.Allowed.class, admit(new Username("user20"), "another client", T0), "other clients are not held up");
        assertInstanceOf(Admission.Allowed.class, admit(new Username("user21"), CLIENT, T0.plusSeconds(30)));
    }
}
