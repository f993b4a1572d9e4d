package dev.gatehouse.application;

import dev.gatehouse.domain.Session;
import dev.gatehouse.domain.SessionEnd;
import dev.gatehouse.domain.Username;

import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/** The answer of {@link Greet}: welcome a logged-in user, or say nobody is logged in. */
public sealed interface Greeting {

    /** A logged-in user; the session is there for what the page needs (its CSRF token for logout). */
    record Welcome(Username username, Session session) implements Greeting {

        @Override
        public <R> R fold(Function<Welcome, R> welcome, Function<NotLoggedIn, R> notLoggedIn) {
            return welcome.apply(this);
        }
    }

    /**
     * Nobody is logged in with this request. {@code sessionEnded} says why, when the request named
     * a session of ours that has ended since, which pages tell the visitor.
     */
    record NotLoggedIn(Optional<SessionEnd> sessionEnded) implements Greeting {

        @Override
        public <R> R fold(Function<Welcome, R> welcome, Function<NotLoggedIn, R> notLoggedIn) {
            return notLoggedIn.apply(this);
        }
    }

    /** One function per case: a new case fails to compile wherever a greeting is handled. */
    <R> R fold(Function<Welcome, R> welcome, Function<NotLoggedIn, R> notLoggedIn);

    /** {@link #fold} for handlers that answer rather than return. */
    default void handle(Consumer<Welcome> welcome, Consumer<NotLoggedIn> notLoggedIn) {
        fold(in -> {
            welcome.accept(in);
            return null;
        }, nobody -> {
            notLoggedIn.accept(nobody);
            return null;
        });
    }
}
