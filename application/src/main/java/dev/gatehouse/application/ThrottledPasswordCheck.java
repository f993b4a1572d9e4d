package dev.gatehouse.application;

import dev.gatehouse.domain.Authentication;
import dev.gatehouse.domain.AuthenticationService;
import dev.gatehouse.domain.Credentials;
import dev.gatehouse.domain.LoginThrottle;

import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * A password check that the throttle has admitted, settled with its outcome whatever happens
 * (right, wrong, or not checked because a store failed), and the password wiped. Every way a
 * password is checked (a login, a user's own password change) goes through here.
 */
final class ThrottledPasswordCheck {

    private final AuthenticationService authentication;
    private final LoginThrottle throttle;
    private final Clock clock;

    ThrottledPasswordCheck(AuthenticationService authentication, LoginThrottle throttle, Clock clock) {
        this.authentication = authentication;
        this.throttle = throttle;
        this.clock = clock;
    }

    CompletionStage<Authentication> check(Credentials credentials, LoginThrottle.Attempt attempt) {
        CompletionStage<Authentication> checked;
        try {
            checked = authentication.authenticate(credentials);
        } catch (RuntimeException failure) {
            checked = CompletableFuture.failedFuture(failure);
        }
        return checked.handle((outcome, failure) -> {
            credentials.wipe();
            LoginThrottle.Outcome settled = failure != null ? LoginThrottle.Outcome.NOT_CHECKED
                    : outcome.fold(authenticated -> LoginThrottle.Outcome.SUCCEEDED, rejected -> LoginThrottle.Outcome.FAILED);
            return throttle.settle(attempt, settled, clock.instant()).thenCompose(done -> failure != null
                    ? CompletableFuture.<Authentication>failedFuture(failure) : CompletableFuture.completedFuture(outcome));
        }).thenCompose(settled -> settled);
    }
}
