package dev.gatehouse.application;

import dev.gatehouse.domain.PasswordPolicy;
import dev.gatehouse.domain.Username;

/** How a change to an existing user ends: {@link ChangePassword}, {@link SetUserEnabled}, {@link RemoveUser}. */
public sealed interface UserChangeResult {

    record Changed(Username username) implements UserChangeResult {
    }

    /** No user has that name (or no user could: the name is not valid). */
    record NoSuchUser() implements UserChangeResult {
    }

    record WeakPassword(PasswordPolicy.Problem problem) implements UserChangeResult {
    }
}
