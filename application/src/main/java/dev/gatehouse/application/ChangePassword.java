package dev.gatehouse.application;

import dev.gatehouse.domain.AuditEvent;
import dev.gatehouse.domain.AuditLog;
import dev.gatehouse.domain.Password;
import dev.gatehouse.domain.PasswordBlocklist;
import dev.gatehouse.domain.PasswordPolicy;
import dev.gatehouse.domain.UserAccounts;
import dev.gatehouse.domain.Username;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** An administrator sets a new password for a user; the password must meet the {@link PasswordPolicy}. */
public final class ChangePassword {

    private final UserAccounts accounts;
    private final PasswordBlocklist blocklist;
    private final AuditLog audit;

    public ChangePassword(UserAccounts accounts, PasswordBlocklist blocklist, AuditLog audit) {
        this.accounts = accounts;
        this.blocklist = blocklist;
        this.audit = audit;
    }

    public CompletionStage<UserChangeResult> change(String typedUsername, Password password) {
        Optional<Username> username = Username.parse(typedUsername);
        if (username.isEmpty()) {
            password.wipe();
            return CompletableFuture.completedFuture(new UserChangeResult.NoSuchUser());
        }
        return NewPasswords.problemWith(password, blocklist).thenCompose(problem -> {
            if (problem.isPresent()) {
                password.wipe();
                return CompletableFuture.completedFuture(new UserChangeResult.WeakPassword(problem.get()));
            }
            return accounts.changePassword(username.get(), password)
                    .whenComplete((changed, failure) -> password.wipe())
                    .thenApply(changed -> UserChanges.outcome(changed, username.get(), audit, AuditEvent.Kind.PASSWORD_CHANGED));
        });
    }
}
