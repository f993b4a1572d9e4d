package dev.gatehouse.application;

import java.util.function.Consumer;
import java.util.function.Function;

/** How a logout request ends. */
public sealed interface LogOutResult {

    /** The session is gone from the store (or there was none to end). */
    record LoggedOut() implements LogOutResult {
        @Override
        public <R> R fold(Function<LoggedOut, R> loggedOut, Function<FormExpired, R> formExpired) {
            return loggedOut.apply(this);
        }
    }

    /** The CSRF token did not match the live session: nothing was changed. */
    record FormExpired() implements LogOutResult {
        @Override
        public <R> R fold(Function<LoggedOut, R> loggedOut, Function<FormExpired, R> formExpired) {
            return formExpired.apply(this);
        }
    }

    /** One function per case: a new case fails to compile wherever a logout's outcome is handled. */
    <R> R fold(Function<LoggedOut, R> loggedOut, Function<FormExpired, R> formExpired);

    /** {@link #fold} for handlers that answer rather than return. */
    default void handle(Consumer<LoggedOut> loggedOut, Consumer<FormExpired> formExpired) {
        fold(out -> {
            loggedOut.accept(out);
            return null;
        }, expired -> {
            formExpired.accept(expired);
            return null;
        });
    }
}
