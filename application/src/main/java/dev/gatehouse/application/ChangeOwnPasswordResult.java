package dev.gatehouse.application;

import dev.gatehouse.domain.PasswordPolicy;
import dev.gatehouse.domain.Session;

import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.Function;

/** How {@link ChangeOwnPassword} ends. */
public sealed interface ChangeOwnPasswordResult {

    /** Changed: this session goes on under a new id; every other session of the user has ended. */
    record Changed(Session session) implements ChangeOwnPasswordResult {
        @Override
        public <R> R fold(Function<Changed, R> changed, Function<WrongPassword, R> wrongPassword, Function<WeakPassword, R> weakPassword,
                          Function<Throttled, R> throttled, Function<NotLoggedIn, R> notLoggedIn, Function<FormExpired, R> formExpired) {
            return changed.apply(this);
        }
    }

    /** The current password was wrong; nothing changed. */
    record WrongPassword() implements ChangeOwnPasswordResult {

        public static final String MESSAGE = "The current password is not right.";

        @Override
        public <R> R fold(Function<Changed, R> changed, Function<WrongPassword, R> wrongPassword, Function<WeakPassword, R> weakPassword,
                          Function<Throttled, R> throttled, Function<NotLoggedIn, R> notLoggedIn, Function<FormExpired, R> formExpired) {
            return wrongPassword.apply(this);
        }
    }

    record WeakPassword(PasswordPolicy.Problem problem) implements ChangeOwnPasswordResult {
        @Override
        public <R> R fold(Function<Changed, R> changed, Function<WrongPassword, R> wrongPassword, Function<WeakPassword, R> weakPassword,
                          Function<Throttled, R> throttled, Function<NotLoggedIn, R> notLoggedIn, Function<FormExpired, R> formExpired) {
            return weakPassword.apply(this);
        }
    }

    /** Too many wrong passwords for this account lately: nothing was checked. */
    record Throttled(Duration retryAfter) implements ChangeOwnPasswordResult {
        @Override
        public <R> R fold(Function<Changed, R> changed, Function<WrongPassword, R> wrongPassword, Function<WeakPassword, R> weakPassword,
                          Function<Throttled, R> throttled, Function<NotLoggedIn, R> notLoggedIn, Function<FormExpired, R> formExpired) {
            return throttled.apply(this);
        }
    }

    /** No session, or not a logged-in one. */
    record NotLoggedIn() implements ChangeOwnPasswordResult {
        @Override
        public <R> R fold(Function<Changed, R> changed, Function<WrongPassword, R> wrongPassword, Function<WeakPassword, R> weakPassword,
                          Function<Throttled, R> throttled, Function<NotLoggedIn, R> notLoggedIn, Function<FormExpired, R> formExpired) {
            return notLoggedIn.apply(this);
        }
    }

    /** The form's CSRF token does not match the session's. */
    record FormExpired() implements ChangeOwnPasswordResult {
        @Override
        public <R> R fold(Function<Changed, R> changed, Function<WrongPassword, R> wrongPassword, Function<WeakPassword, R> weakPassword,
                          Function<Throttled, R> throttled, Function<NotLoggedIn, R> notLoggedIn, Function<FormExpired, R> formExpired) {
            return formExpired.apply(this);
        }
    }

    /** One function per case: a new case fails to compile wherever a password change's outcome is handled. */
    <R> R fold(Function<Changed, R> changed, Function<WrongPassword, R> wrongPassword, Function<WeakPassword, R> weakPassword,
               Function<Throttled, R> throttled, Function<NotLoggedIn, R> notLoggedIn, Function<FormExpired, R> formExpired);

    /** {@link #fold} for handlers that answer rather than return. */
    default void handle(Consumer<Changed> changed, Consumer<WrongPassword> wrongPassword, Consumer<WeakPassword> weakPassword,
                        Consumer<Throttled> throttled, Consumer<NotLoggedIn> notLoggedIn, Consumer<FormExpired> formExpired) {
        fold(x -> {
                    changed.accept(x);
                    return null;
                },
                x -> {
                    wrongPassword.accept(x);
                    return null;
                },
                x -> {
                    weakPassword.accept(x);
                    return null;
                },
                x -> {
                    throttled.accept(x);
                    return null;
                },
                x -> {
                    notLoggedIn.accept(x);
                    return null;
                },
                x -> {
                    formExpired.accept(x);
                    return null;
                });
    }
}
