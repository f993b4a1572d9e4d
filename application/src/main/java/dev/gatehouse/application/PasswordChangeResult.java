package dev.gatehouse.application;

import dev.gatehouse.domain.PasswordPolicy;
import dev.gatehouse.domain.Session;

import java.time.Duration;

/** How {@link ChangeOwnPassword} ends. */
public sealed interface PasswordChangeResult {

    /** Changed: this session goes on under a new id; every other session of the user has ended. */
    record Changed(Session session) implements PasswordChangeResult {
    }

    /** The current password was wrong; nothing changed. */
    record WrongPassword() implements PasswordChangeResult {

        public static final String MESSAGE = "The current password is not right.";
    }

    record WeakPassword(PasswordPolicy.Problem problem) implements PasswordChangeResult {
    }

    /** Too many wrong passwords for this account lately: nothing was checked. */
    record Throttled(Duration retryAfter) implements PasswordChangeResult {
    }

    /** No session, or not a logged-in one. */
    record NotLoggedIn() implements PasswordChangeResult {
    }

    /** The form's CSRF token does not match the session's. */
    record FormExpired() implements PasswordChangeResult {
    }
}
