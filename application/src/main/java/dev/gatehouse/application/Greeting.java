package dev.gatehouse.application;

import dev.gatehouse.domain.Session;
import dev.gatehouse.domain.Username;

/** The answer of {@link Greet}: welcome a logged-in user, or say nobody is logged in. */
public sealed interface Greeting {

    /** A logged-in user; the session is there for what the page needs (its CSRF token for logout). */
    record Welcome(Username username, Session session) implements Greeting {
    }

    /** No session, an expired one, or one that is not logged in. */
    record NotLoggedIn() implements Greeting {
    }
}
