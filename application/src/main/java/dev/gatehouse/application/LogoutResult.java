package dev.gatehouse.application;

/** How a logout request ends. */
public sealed interface LogoutResult {

    /** The session is gone from the store (or there was none to end). */
    record LoggedOut() implements LogoutResult {
    }

    /** The CSRF token did not match the live session: nothing was changed. */
    record FormExpired() implements LogoutResult {
    }
}
