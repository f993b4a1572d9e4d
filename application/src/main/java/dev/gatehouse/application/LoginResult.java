package dev.gatehouse.application;

import dev.gatehouse.domain.Session;

/** How a login attempt ends. */
public sealed interface LoginResult {

    /** Good credentials: the new session (new id, new CSRF token) replaces the one the form came with. */
    record LoggedIn(Session session) implements LoginResult {
    }

    /** Bad credentials, whatever the cause; the form's session stays so the visitor can try again. */
    record Rejected(Session formSession) implements LoginResult {

        /** What every adapter says, word for word, so that no way in tells which part was wrong. */
        public static final String MESSAGE = "Invalid username or password.";
    }

    /**
     * The form cannot be trusted: its session is missing or expired, or its CSRF token does not
     * match. No credentials were checked.
     */
    record FormExpired() implements LoginResult {
    }
}
