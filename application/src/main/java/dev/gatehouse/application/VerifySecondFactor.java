package dev.gatehouse.application;

import dev.gatehouse.domain.AuditEvent;
import dev.gatehouse.domain.AuditLog;
import dev.gatehouse.domain.LoginThrottle;
import dev.gatehouse.domain.SecondFactorStore;
import dev.gatehouse.domain.SecondFactors;
import dev.gatehouse.domain.secondfactor.AuthenticatorCodes;
import dev.gatehouse.domain.secondfactor.RecoveryCodes;
import dev.gatehouse.domain.secondfactor.Totp;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Checks the second step of a login: an authenticator code, or one of the recovery codes. A code
 * counts once (the store records its step atomically, so two logins racing with it accept it
 * once), and a recovery code is used up. Wrong codes are throttled exactly as wrong passwords are,
 * under the same account counter: with the password known, the code is what is left to guess.
 * Every failure is audited (a reused code as such); an accepted recovery code too.
 */
public final class VerifySecondFactor {

    private final SecondFactorStore store;
    private final AuthenticatorCodes codes;
    private final LoginThrottle throttle;
    private final AuditLog audit;
    private final Clock clock;

    public VerifySecondFactor(SecondFactorStore store, AuthenticatorCodes codes, LoginThrottle throttle, AuditLog audit, Clock clock) {
        this.store = store;
        this.codes = codes;
        this.throttle = throttle;
        this.audit = audit;
        this.clock = clock;
    }

    public CompletionStage<VerifySecondFactorResult> verify(VerifySecondFactorCommand command) {
        Instant now = clock.instant();
        LoginThrottle.Attempt attempt = new LoginThrottle.Attempt(command.user(), command.client(), command.device());
        return throttle.admit(attempt, now).thenCompose(admission -> admission.fold(
                allowed -> store.secondFactors(command.user())
                        .thenCompose(factors -> factors.filter(SecondFactors::enrolled)
                                .map(enrolled -> check(command, enrolled, now))
                                .orElseGet(() -> CompletableFuture.completedFuture(new VerifySecondFactorResult.NotEnrolled())))
                        .thenCompose(result -> settle(attempt, result, now)),
                wait -> CompletableFuture.completedFuture(new VerifySecondFactorResult.Throttled(wait.retryAfter()))));
    }

    private CompletionStage<VerifySecondFactorResult> check(VerifySecondFactorCommand command, SecondFactors factors, Instant now) {
        Optional<String> recovery = RecoveryCodes.hash(command.typed());
        if (recovery.isPresent()) {
            return store.useRecoveryCode(command.user(), recovery.get()).thenApply(used -> {
                audit.record(new AuditEvent(used ? AuditEvent.Kind.RECOVERY_CODE_USED : AuditEvent.Kind.SECOND_FACTOR_FAILED, command.user(),
                        null, command.client(), used ? (factors.recoveryCodeHashes().size() - 1) + " left" : "recovery code not valid"));
                return used ? new VerifySecondFactorResult.Accepted(SecondFactorMethod.RECOVERY_CODE,
                        factors.recoveryCodeHashes().size() - 1) : new VerifySecondFactorResult.Wrong();
            });
        }
        OptionalLong step = Totp.accept(codes, factors.totp().orElseThrow(), command.typed(), now, factors.lastUsedStep());
        if (step.isEmpty()) {
            // Right for a step already used (or the store lost the race): a replay, audited as one.
            boolean replayed = Totp.accept(codes, factors.totp().orElseThrow(), command.typed(), now, -1).isPresent();
            return CompletableFuture.completedFuture(refused(command, replayed));
        }
        return store.useStep(command.user(), step.getAsLong()).thenApply(recorded -> recorded
                ? new VerifySecondFactorResult.Accepted(SecondFactorMethod.AUTHENTICATOR_CODE, factors.recoveryCodeHashes().size())
                : refused(command, true));
    }

    private VerifySecondFactorResult refused(VerifySecondFactorCommand command, boolean replayed) {
        audit.record(new AuditEvent(replayed ? AuditEvent.Kind.SECOND_FACTOR_CODE_REUSED : AuditEvent.Kind.SECOND_FACTOR_FAILED, command.user(),
                null, command.client(), replayed ? "authenticator code used before" : "authenticator code not right"));
        return new VerifySecondFactorResult.Wrong();
    }

    private CompletionStage<VerifySecondFactorResult> settle(LoginThrottle.Attempt attempt, VerifySecondFactorResult result, Instant now) {
        // Nothing enrolled: nothing was checked, and the admitted attempt is given back.
        LoginThrottle.Outcome outcome = result.fold(accepted -> LoginThrottle.Outcome.SUCCEEDED, wrong -> LoginThrottle.Outcome.FAILED,
                throttled -> LoginThrottle.Outcome.NOT_CHECKED, notEnrolled -> LoginThrottle.Outcome.NOT_CHECKED);
        return throttle.settle(attempt, outcome, now).thenApply(settled -> result);
    }
}
