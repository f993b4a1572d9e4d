package dev.gatehouse.application;

import dev.gatehouse.domain.PasswordPolicy;
import dev.gatehouse.domain.Username;

import java.util.function.Function;

/** How a change to an existing user ends: {@link ChangePassword}, {@link SetUserEnabled}, {@link RemoveUser}. */
public sealed interface UserChangeResult {

    record Changed(Username username) implements UserChangeResult {
        @Override
        public <R> R fold(Function<Changed, R> changed, Function<NoSuchUser, R> noSuchUser, Function<WeakPassword, R> weakPassword) {
            return changed.apply(this);
        }
    }

    /** No user has that name (or no user could: the name is not valid). */
    record NoSuchUser() implements UserChangeResult {
        @Override
        public <R> R fold(Function<Changed, R> changed, Function<NoSuchUser, R> noSuchUser, Function<WeakPassword, R> weakPassword) {
            return noSuchUser.apply(this);
        }
    }

    record WeakPassword(PasswordPolicy.Problem problem) implements UserChangeResult {
        @Override
        public <R> R fold(Function<Changed, R> changed, Function<NoSuchUser, R> noSuchUser, Function<WeakPassword, R> weakPassword) {
            return weakPassword.apply(this);
        }
    }

    /** One function per case: a new case fails to compile wherever a change to a user is answered. */
    <R> R fold(Function<Changed, R> changed, Function<NoSuchUser, R> noSuchUser, Function<WeakPassword, R> weakPassword);
}
