package dev.gatehouse.application;

import dev.gatehouse.domain.UserAccounts;

import java.util.concurrent.CompletionStage;

/** Removes a user from the directory for good. */
public final class RemoveUser {

    private final UserAccounts accounts;

    public RemoveUser(UserAccounts accounts) {
        this.accounts = accounts;
    }

    public CompletionStage<UserChangeResult> remove(String typedUsername) {
        return UserChanges.apply(typedUsername, accounts::remove);
    }
}
