package dev.gatehouse.application;

import dev.gatehouse.domain.UserAccounts;

import java.util.concurrent.CompletionStage;

/** Disables a user (who then cannot log in, and is rejected like a wrong password) or enables them again. */
public final class SetUserEnabled {

    private final UserAccounts accounts;

    public SetUserEnabled(UserAccounts accounts) {
        this.accounts = accounts;
    }

    public CompletionStage<UserChangeResult> set(String typedUsername, boolean enabled) {
        return UserChanges.apply(typedUsername, username -> accounts.setDisabled(username, !enabled));
    }
}
