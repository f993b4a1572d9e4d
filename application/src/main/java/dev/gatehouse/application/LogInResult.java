package dev.gatehouse.application;

import dev.gatehouse.domain.CsrfToken;
import dev.gatehouse.domain.Session;

import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/** How a login attempt ends. */
public sealed interface LogInResult {

    /**
     * Good credentials: the new session (new id, new CSRF token) replaces the one the form came
     * with, and the device gets a new token that makes it a known device of this account.
     */
    record LoggedIn(Session session, String deviceToken) implements LogInResult {
        @Override
        public <R> R fold(Function<LoggedIn, R> loggedIn, Function<SecondFactorRequired, R> secondFactor, Function<Rejected, R> rejected,
                          Function<Throttled, R> throttled, Function<FormExpired, R> formExpired) {
            return loggedIn.apply(this);
        }
    }

    /**
     * The password was right, and the user has a second factor: the session that replaces the
     * form's is half-way ({@link Session#pendingLogin()}), logged in as nobody until the second
     * step ({@link CompleteLogin}) is done, within {@link Session#SECOND_FACTOR_TIME}. No
     * {@code methods}: the user has no second factor yet and one is required of them, so the
     * second step sets one up ({@link #enrolFirst()}).
     */
    record SecondFactorRequired(Session session, List<SecondFactorMethod> methods) implements LogInResult {
        public SecondFactorRequired {
            methods = List.copyOf(methods);
        }

        public boolean enrolFirst() {
            return methods.isEmpty();
        }

        @Override
        public <R> R fold(Function<LoggedIn, R> loggedIn, Function<SecondFactorRequired, R> secondFactor, Function<Rejected, R> rejected,
                          Function<Throttled, R> throttled, Function<FormExpired, R> formExpired) {
            return secondFactor.apply(this);
        }
    }

    /** Bad credentials, whatever the cause; the form's token stays good so the visitor can try again. */
    record Rejected(CsrfToken formToken) implements LogInResult {

        /** What every adapter says, word for word, so that no way in tells which part was wrong. */
        public static final String MESSAGE = "Invalid username or password.";

        @Override
        public <R> R fold(Function<LoggedIn, R> loggedIn, Function<SecondFactorRequired, R> secondFactor, Function<Rejected, R> rejected,
                          Function<Throttled, R> throttled, Function<FormExpired, R> formExpired) {
            return rejected.apply(this);
        }
    }

    /**
     * Too many failed attempts for this account, or from this client: the password was not
     * checked. Known and unknown accounts are throttled alike.
     */
    record Throttled(CsrfToken formToken, Duration retryAfter) implements LogInResult {

        /** Word for word the same at every way in. */
        public static String message(Duration retryAfter) {
            long seconds = wholeSeconds(retryAfter);
            String wait = seconds == 1 ? "1 second" : seconds < 120 ? seconds + " seconds" : (seconds + 59) / 60 + " minutes";
            return "Too many failed login attempts. Try again in " + wait + ".";
        }

        /** The wait in whole seconds, rounded up and at least one: what a Retry-After header says. */
        public static long wholeSeconds(Duration retryAfter) {
            return Math.max(1, retryAfter.toSeconds() + (retryAfter.toNanosPart() > 0 ? 1 : 0));
        }

        @Override
        public <R> R fold(Function<LoggedIn, R> loggedIn, Function<SecondFactorRequired, R> secondFactor, Function<Rejected, R> rejected,
                          Function<Throttled, R> throttled, Function<FormExpired, R> formExpired) {
            return throttled.apply(this);
        }
    }

    /**
     * The form cannot be trusted: its CSRF token matches neither a live session nor the pre-login
     * value the request holds. No credentials were checked.
     */
    record FormExpired() implements LogInResult {
        @Override
        public <R> R fold(Function<LoggedIn, R> loggedIn, Function<SecondFactorRequired, R> secondFactor, Function<Rejected, R> rejected,
                          Function<Throttled, R> throttled, Function<FormExpired, R> formExpired) {
            return formExpired.apply(this);
        }
    }

    /** One function per case: a new case fails to compile wherever a login's outcome is handled. */
    <R> R fold(Function<LoggedIn, R> loggedIn, Function<SecondFactorRequired, R> secondFactor, Function<Rejected, R> rejected,
               Function<Throttled, R> throttled, Function<FormExpired, R> formExpired);

    /** {@link #fold} for handlers that answer rather than return. */
    default void handle(Consumer<LoggedIn> loggedIn, Consumer<SecondFactorRequired> secondFactor, Consumer<Rejected> rejected,
                        Consumer<Throttled> throttled, Consumer<FormExpired> formExpired) {
        fold(in -> {
            loggedIn.accept(in);
            return null;
        }, halfway -> {
            secondFactor.accept(halfway);
            return null;
        }, no -> {
            rejected.accept(no);
            return null;
        }, wait -> {
            throttled.accept(wait);
            return null;
        }, expired -> {
            formExpired.accept(expired);
            return null;
        });
    }
}
