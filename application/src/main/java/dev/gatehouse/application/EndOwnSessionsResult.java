package dev.gatehouse.application;

import java.util.function.Consumer;
import java.util.function.Function;

/** How a request to end one's own sessions ends. */
public sealed interface EndOwnSessionsResult {

    record Ended(int count) implements EndOwnSessionsResult {
        @Override
        public <R> R fold(Function<Ended, R> ended, Function<NotLoggedIn, R> notLoggedIn, Function<FormExpired, R> formExpired) {
            return ended.apply(this);
        }
    }

    record NotLoggedIn() implements EndOwnSessionsResult {
        @Override
        public <R> R fold(Function<Ended, R> ended, Function<NotLoggedIn, R> notLoggedIn, Function<FormExpired, R> formExpired) {
            return notLoggedIn.apply(this);
        }
    }

    record FormExpired() implements EndOwnSessionsResult {
        @Override
        public <R> R fold(Function<Ended, R> ended, Function<NotLoggedIn, R> notLoggedIn, Function<FormExpired, R> formExpired) {
            return formExpired.apply(this);
        }
    }

    /** One function per case: a new case fails to compile wherever the outcome is handled. */
    <R> R fold(Function<Ended, R> ended, Function<NotLoggedIn, R> notLoggedIn, Function<FormExpired, R> formExpired);

    /** {@link #fold} for handlers that answer rather than return. */
    default void handle(Consumer<Ended> ended, Consumer<NotLoggedIn> notLoggedIn, Consumer<FormExpired> formExpired) {
        fold(done -> {
            ended.accept(done);
            return null;
        }, anonymous -> {
            notLoggedIn.accept(anonymous);
            return null;
        }, expired -> {
            formExpired.accept(expired);
            return null;
        });
    }
}
