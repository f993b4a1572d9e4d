package dev.gatehouse.application;

import dev.gatehouse.domain.PasswordPolicy;
import dev.gatehouse.domain.Username;

import java.util.function.Function;

/** How adding a user ends. */
public sealed interface AddUserResult {

    record Added(Username username) implements AddUserResult {
        @Override
        public <R> R fold(Function<Added, R> added, Function<AlreadyExists, R> alreadyExists, Function<Invalid, R> invalid,
                          Function<WeakPassword, R> weakPassword) {
            return added.apply(this);
        }
    }

    record AlreadyExists(Username username) implements AddUserResult {
        @Override
        public <R> R fold(Function<Added, R> added, Function<AlreadyExists, R> alreadyExists, Function<Invalid, R> invalid,
                          Function<WeakPassword, R> weakPassword) {
            return alreadyExists.apply(this);
        }
    }

    /** The name cannot be a new user's, or a detail (display name, e-mail address) cannot be; {@code reason} says why. */
    record Invalid(String reason) implements AddUserResult {
        @Override
        public <R> R fold(Function<Added, R> added, Function<AlreadyExists, R> alreadyExists, Function<Invalid, R> invalid,
                          Function<WeakPassword, R> weakPassword) {
            return invalid.apply(this);
        }
    }

    record WeakPassword(PasswordPolicy.Problem problem) implements AddUserResult {
        @Override
        public <R> R fold(Function<Added, R> added, Function<AlreadyExists, R> alreadyExists, Function<Invalid, R> invalid,
                          Function<WeakPassword, R> weakPassword) {
            return weakPassword.apply(this);
        }
    }

    /** One function per case: a new case fails to compile wherever adding a user is answered. */
    <R> R fold(Function<Added, R> added, Function<AlreadyExists, R> alreadyExists, Function<Invalid, R> invalid,
               Function<WeakPassword, R> weakPassword);
}
