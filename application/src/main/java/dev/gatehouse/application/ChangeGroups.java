package dev.gatehouse.application;

import dev.gatehouse.domain.AuditEvent;
import dev.gatehouse.domain.AuditLog;
import dev.gatehouse.domain.Group;
import dev.gatehouse.domain.UserAccounts;

import java.util.Set;
import java.util.concurrent.CompletionStage;

/**
 * Puts a user in groups and takes them out of others. Groups decide what access rules let through,
 * not whether a login holds: no session ends, and every server applies the change to the next
 * request it forwards (within a second, as the directories re-read their users).
 */
public final class ChangeGroups {

    private final UserAccounts accounts;
    private final AuditLog audit;

    public ChangeGroups(UserAccounts accounts, AuditLog audit) {
        this.accounts = accounts;
        this.audit = audit;
    }

    public CompletionStage<UserChangeResult> change(String typedUsername, Set<Group> add, Set<Group> remove) {
        return UserChanges.apply(typedUsername, username -> accounts.changeGroups(username, add, remove), audit, AuditEvent.Kind.USER_GROUPS_CHANGED);
    }
}
