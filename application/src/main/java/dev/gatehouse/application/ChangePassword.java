package dev.gatehouse.application;

import dev.gatehouse.domain.AuditEvent;
import dev.gatehouse.domain.AuditLog;
import dev.gatehouse.domain.Password;
import dev.gatehouse.domain.PasswordPolicy;
import dev.gatehouse.domain.UserAccounts;
import dev.gatehouse.domain.Username;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** An administrator sets a new password for a user; the password must meet the {@link PasswordPolicy}. */
public final class ChangePassword {

    private final UserAccounts accounts;
    private final AuditLog audit;

    public ChangePassword(UserAccounts accounts, AuditLog audit) {
        this.accounts = accounts;
        this.audit = audit;
    }

    public CompletionStage<UserChangeResult> change(String typedUsername, Password password) {
        Optional<Username> username = Username.parse(typedUsername);
        Optional<PasswordPolicy.Problem> problem = PasswordPolicy.problemWith(password);
        if (username.isEmpty() || problem.isPresent()) {
            password.wipe();
            return CompletableFuture.completedFuture(username.isEmpty()
                    ? new UserChangeResult.NoSuchUser() : new UserChangeResult.WeakPassword(problem.get()));
        }
        return accounts.changePassword(username.get(), password)
                .whenComplete((changed, failure) -> password.wipe())
                .thenApply(changed -> UserChanges.outcome(changed, username.get(), audit, AuditEvent.Kind.PASSWORD_CHANGED));
    }
}
