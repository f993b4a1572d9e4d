package dev.gatehouse.application;

import dev.gatehouse.domain.Session;
import dev.gatehouse.domain.Username;

/** The answer of {@link Greet}: welcome a logged-in user, or say nobody is logged in. */
public sealed interface Greeting {

    /** A logged-in user; the session is there for what the page needs (its CSRF token for logout). */
    record Welcome(Username username, Session session) implements Greeting {
    }

    /**
     * Nobody is logged in with this request. {@code sessionEnded} says the request named a session
     * of ours that has ended since (timed out, revoked, or its user's credentials changed), which
     * pages tell the visitor.
     */
    record NotLoggedIn(boolean sessionEnded) implements Greeting {
    }
}
