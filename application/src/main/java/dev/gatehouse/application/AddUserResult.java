package dev.gatehouse.application;

import dev.gatehouse.domain.PasswordPolicy;
import dev.gatehouse.domain.Username;

/** How adding a user ends. */
public sealed interface AddUserResult {

    record Added(Username username) implements AddUserResult {
    }

    record AlreadyExists(Username username) implements AddUserResult {
    }

    /** The name cannot be a username; {@code reason} says why, in a sentence. */
    record InvalidUsername(String reason) implements AddUserResult {
    }

    record WeakPassword(PasswordPolicy.Problem problem) implements AddUserResult {
    }
}
