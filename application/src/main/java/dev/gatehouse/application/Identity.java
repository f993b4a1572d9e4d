package dev.gatehouse.application;

import dev.gatehouse.domain.RememberMeToken;
import dev.gatehouse.domain.Session;
import dev.gatehouse.domain.SessionEnd;
import dev.gatehouse.domain.Username;

import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/** Who a request is, as {@link Identify} answers it for every way in. */
public sealed interface Identity {

    /**
     * A logged-in user, with the session the request is to use. When that session was started
     * from a remembered login in this very request, {@code rotatedToken} is the token that
     * replaces the one the request brought (a restored session is not fresh).
     */
    record LoggedIn(Username user, Session session, Optional<RememberMeToken> rotatedToken) implements Identity {

        /** Whether the user typed their password for this session, rather than being remembered. */
        public boolean fresh() {
            return session.isFresh();
        }

        @Override
        public <R> R fold(Function<LoggedIn, R> loggedIn, Function<Anonymous, R> anonymous) {
            return loggedIn.apply(this);
        }
    }

    /**
     * Nobody. {@code sessionEnded}: why the session of ours the request named has ended since,
     * if it named one, which pages tell the visitor.
     * {@code rememberedRefused}: it brought a remember-me token that is worth nothing (unknown,
     * expired, a guess, a stolen copy), which the browser should forget.
     * {@code halfway}: a remembered login of a user with a second factor, restored only as far as
     * the code step; the browser gets the half-way session and the rotated token.
     */
    record Anonymous(Optional<SessionEnd> sessionEnded, boolean rememberedRefused, Optional<HalfWay> halfway) implements Identity {

        public Anonymous(Optional<SessionEnd> sessionEnded, boolean rememberedRefused) {
            this(sessionEnded, rememberedRefused, Optional.empty());
        }

        @Override
        public <R> R fold(Function<LoggedIn, R> loggedIn, Function<Anonymous, R> anonymous) {
            return anonymous.apply(this);
        }
    }

    /** A half-way session a remembered login started, and the token that replaces the one the request brought. */
    record HalfWay(Session session, RememberMeToken rotatedToken) {
    }

    /** One function per case: a new case fails to compile wherever an identity is handled. */
    <R> R fold(Function<LoggedIn, R> loggedIn, Function<Anonymous, R> anonymous);

    /** {@link #fold} for handlers that answer rather than return. */
    default void handle(Consumer<LoggedIn> loggedIn, Consumer<Anonymous> anonymous) {
        fold(in -> {
            loggedIn.accept(in);
            return null;
        }, nobody -> {
            anonymous.accept(nobody);
            return null;
        });
    }
}
