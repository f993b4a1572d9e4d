package dev.gatehouse.application;

import dev.gatehouse.domain.AuditEvent;
import dev.gatehouse.domain.Username;
import dev.gatehouse.domain.secondfactor.RecoveryCodes;
import dev.gatehouse.domain.secondfactor.Totp;
import dev.gatehouse.domain.secondfactor.TotpSecret;
import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

class VerifySecondFactorTest {

    private static final Username ALICE = new Username("alice");

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T09:00:00Z"));
    private final FakeAccounts accounts = new FakeAccounts();
    private final FakeThrottle throttle = new FakeThrottle();
    private final List<AuditEvent> audit = new ArrayList<>();
    private final FakeAuthenticatorCodes codes = new FakeAuthenticatorCodes();
    private final VerifySecondFactor verify = new VerifySecondFactor(accounts, codes, throttle, audit::add, clock);
    private final TotpSecret secret = TotpSecret.generate(new SecureRandom());
    private final List<String> recoveryCodes = RecoveryCodes.generate(new SecureRandom());

    VerifySecondFactorTest() {
        accounts.put(ALICE, "alice's password");
        accounts.enrol(ALICE, secret, recoveryCodes.stream().map(code -> RecoveryCodes.hash(code).orElseThrow()).collect(Collectors.toSet()));
    }

    private static <T> T done(CompletionStage<T> stage) {
        return stage.toCompletableFuture().join();
    }

    private VerifySecondFactorResult typed(String code) {
        return done(verify.verify(new VerifySecondFactorCommand(ALICE, code, "203.0.113.7", Optional.empty())));
    }

    private String codeNow() {
        return codes.code(secret, Totp.step(clock.instant()));
    }

    @Test
    void givenTheCodeTheAppShows_thenAcceptedOnceAndTheThrottleForgetsTheFailures() {
        String code = codeNow();
        assertEquals(SecondFactorMethod.AUTHENTICATOR_CODE,
                assertInstanceOf(VerifySecondFactorResult.Accepted.class, typed(code)).method());
        assertInstanceOf(VerifySecondFactorResult.Wrong.class, typed(code), "the same code again, in the same 30 seconds");
        assertEquals(List.of(AuditEvent.Kind.SECOND_FACTOR_CODE_REUSED), audit.stream().map(AuditEvent::kind).toList());
        assertEquals(List.of("alice from 203.0.113.7: SUCCEEDED", "alice from 203.0.113.7: FAILED"), throttle.settled);

        clock.advance(Totp.STEP);
        assertInstanceOf(VerifySecondFactorResult.Accepted.class, typed(codeNow()), "the next period's code is fine");
    }

    @Test
    void givenAWrongCodeOrOneFromLongAgo_thenWrongAuditedAndCountedAsAWrongPasswordIs() {
        String old = codeNow();
        clock.advance(Duration.ofMinutes(5));
        assertInstanceOf(VerifySecondFactorResult.Wrong.class, typed(old));
        assertInstanceOf(VerifySecondFactorResult.Wrong.class, typed("000000".equals(codeNow()) ? "111111" : "000000"));
        assertEquals(List.of(AuditEvent.Kind.SECOND_FACTOR_FAILED, AuditEvent.Kind.SECOND_FACTOR_FAILED), audit.stream().map(AuditEvent::kind).toList());
        assertEquals(2, throttle.settled.stream().filter(line -> line.endsWith("FAILED")).count());
        assertEquals("VerifySecondFactorCommand[alice, from terminal]",
                new VerifySecondFactorCommand(ALICE, "123456", "terminal", Optional.empty()).toString(), "the code never in a log");
    }

    @Test
    void givenARecoveryCodeInAnyCase_thenItWorksOnceAndSaysHowManyAreLeft() {
        VerifySecondFactorResult.Accepted accepted = assertInstanceOf(VerifySecondFactorResult.Accepted.class,
                typed(recoveryCodes.get(3).toUpperCase()));
        assertEquals(SecondFactorMethod.RECOVERY_CODE, accepted.method());
        assertEquals(9, accepted.recoveryCodesLeft());
        assertInstanceOf(VerifySecondFactorResult.Wrong.class, typed(recoveryCodes.get(3)), "used up");
        assertEquals(List.of(AuditEvent.Kind.RECOVERY_CODE_USED, AuditEvent.Kind.SECOND_FACTOR_FAILED), audit.stream().map(AuditEvent::kind).toList());
    }

    @Test
    void givenTheThrottleSaysWait_thenNoCodeIsCheckedAtAll() {
        throttle.wait = Duration.ofSeconds(8);
        assertEquals(Duration.ofSeconds(8), assertInstanceOf(VerifySecondFactorResult.Throttled.class, typed(codeNow())).retryAfter());
        throttle.wait = null;
        assertInstanceOf(VerifySecondFactorResult.Accepted.class, typed(codeNow()), "the code was not used up by the refused try");
    }

    @Test
    void givenAUserWithoutSecondFactor_thenNotEnrolledAndTheAttemptGivenBack() {
        accounts.put(new Username("bob"), "bob's password");
        assertInstanceOf(VerifySecondFactorResult.NotEnrolled.class,
                done(verify.verify(new VerifySecondFactorCommand(new Username("bob"), "123456", "terminal", Optional.empty()))));
        assertEquals(List.of("bob from terminal: NOT_CHECKED"), throttle.settled);
        assertEquals(Set.of(), Set.copyOf(audit));
    }
}
