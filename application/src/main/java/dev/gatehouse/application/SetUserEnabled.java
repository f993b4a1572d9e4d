package dev.gatehouse.application;

import dev.gatehouse.domain.AuditEvent;
import dev.gatehouse.domain.AuditLog;
import dev.gatehouse.domain.UserAccounts;

import java.util.concurrent.CompletionStage;

/** Disables a user (who then cannot log in, and is rejected like a wrong password) or enables them again. */
public final class SetUserEnabled {

    private final UserAccounts accounts;
    private final AuditLog audit;

    public SetUserEnabled(UserAccounts accounts, AuditLog audit) {
        this.accounts = accounts;
        this.audit = audit;
    }

    public CompletionStage<UserChangeResult> set(String typedUsername, boolean enabled) {
        return UserChanges.apply(typedUsername, username -> accounts.setDisabled(username, !enabled), audit,
                enabled ? AuditEvent.Kind.USER_ENABLED : AuditEvent.Kind.USER_DISABLED);
    }
}
