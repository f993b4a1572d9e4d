package dev.gatehouse.application;

import dev.gatehouse.domain.CsrfToken;
import dev.gatehouse.domain.Session;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;

/** How the second step of a login ends. */
public sealed interface CompleteLoginResult {

    /**
     * The code was right: the half-way session is replaced by a logged-in one (new id, new token),
     * and the device gets a known device's token. {@code recoveryCodesLeft}, so that a user who
     * has just used one, or has few left, is told. {@code trustToken}: the browser's token, when
     * the user asked to trust it.
     */
    record LoggedIn(Session session, String deviceToken, SecondFactorMethod method, int recoveryCodesLeft, Optional<String> trustToken)
            implements CompleteLoginResult {
        @Override
        public String toString() {
            return "LoggedIn[" + session.id() + ", " + method + ", tokens hidden]";
        }

        @Override
        public <R> R fold(Function<LoggedIn, R> loggedIn, Function<Wrong, R> wrong, Function<Throttled, R> throttled,
                          Function<LogInAgain, R> again, Function<FormExpired, R> formExpired) {
            return loggedIn.apply(this);
        }
    }

    /** Not right (or used before); the half-way session stays, and its token with it. */
    record Wrong(CsrfToken formToken) implements CompleteLoginResult {
        @Override
        public <R> R fold(Function<LoggedIn, R> loggedIn, Function<Wrong, R> wrong, Function<Throttled, R> throttled,
                          Function<LogInAgain, R> again, Function<FormExpired, R> formExpired) {
            return wrong.apply(this);
        }
    }

    /** Too many wrong codes (or passwords) for this account: nothing was checked. */
    record Throttled(CsrfToken formToken, Duration retryAfter) implements CompleteLoginResult {
        @Override
        public <R> R fold(Function<LoggedIn, R> loggedIn, Function<Wrong, R> wrong, Function<Throttled, R> throttled,
                          Function<LogInAgain, R> again, Function<FormExpired, R> formExpired) {
            return throttled.apply(this);
        }
    }

    /**
     * No login is half-way here: none was started, its {@link Session#SECOND_FACTOR_TIME} ran out,
     * or the account changed meanwhile (a new password, disabled, its second factor reset). The
     * user starts again with the password.
     */
    record LogInAgain() implements CompleteLoginResult {
        public static final String MESSAGE = "Your login was not finished in time. Log in again.";

        @Override
        public <R> R fold(Function<LoggedIn, R> loggedIn, Function<Wrong, R> wrong, Function<Throttled, R> throttled,
                          Function<LogInAgain, R> again, Function<FormExpired, R> formExpired) {
            return again.apply(this);
        }
    }

    /** The half-way session is there, but the form's CSRF token is not its own: nothing was checked. */
    record FormExpired() implements CompleteLoginResult {
        @Override
        public <R> R fold(Function<LoggedIn, R> loggedIn, Function<Wrong, R> wrong, Function<Throttled, R> throttled,
                          Function<LogInAgain, R> again, Function<FormExpired, R> formExpired) {
            return formExpired.apply(this);
        }
    }

    /** One function per case: a new case fails to compile wherever the answer is given. */
    <R> R fold(Function<LoggedIn, R> loggedIn, Function<Wrong, R> wrong, Function<Throttled, R> throttled, Function<LogInAgain, R> again,
               Function<FormExpired, R> formExpired);
}
