package dev.gatehouse.application;

import dev.gatehouse.domain.AuditEvent;
import dev.gatehouse.domain.AuditLog;
import dev.gatehouse.domain.UserAccounts;

import java.util.concurrent.CompletionStage;

/** Removes a user from the directory for good. */
public final class RemoveUser {

    private final UserAccounts accounts;
    private final AuditLog audit;

    public RemoveUser(UserAccounts accounts, AuditLog audit) {
        this.accounts = accounts;
        this.audit = audit;
    }

    public CompletionStage<UserChangeResult> remove(String typedUsername) {
        return UserChanges.apply(typedUsername, accounts::remove, audit, AuditEvent.Kind.USER_REMOVED);
    }
}
