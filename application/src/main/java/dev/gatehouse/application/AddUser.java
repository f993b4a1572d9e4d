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

/** Adds a user whose name is free and whose password meets the {@link PasswordPolicy}. */
public final class AddUser {

    private final UserAccounts accounts;
    private final PasswordBlocklist blocklist;
    private final AuditLog audit;

    public AddUser(UserAccounts accounts, PasswordBlocklist blocklist, AuditLog audit) {
        this.accounts = accounts;
        this.blocklist = blocklist;
        this.audit = audit;
    }

    /** What is wrong with a name for a new account, if anything: for asking before the password is typed. */
    public static Optional<String> problemWithName(String typedUsername) {
        try {
            Username.forNewAccount(typedUsername);
            return Optional.empty();
        } catch (IllegalArgumentException invalid) {
            return Optional.of(invalid.getMessage());
        }
    }

    public CompletionStage<AddUserResult> add(String typedUsername, Password password) {
        Username username;
        try {
            username = Username.forNewAccount(typedUsername);
        } catch (IllegalArgumentException invalid) {
            password.wipe();
            return CompletableFuture.completedFuture(new AddUserResult.InvalidUsername(invalid.getMessage()));
        }
        return NewPasswords.problemWith(password, blocklist).thenCompose(problem -> {
            if (problem.isPresent()) {
                password.wipe();
                return CompletableFuture.completedFuture(new AddUserResult.WeakPassword(problem.get()));
            }
            return add(username, password);
        });
    }

    private CompletionStage<AddUserResult> add(Username username, Password password) {
        return accounts.addIfAbsent(username, password)
                .whenComplete((added, failure) -> password.wipe())
                .thenApply(added -> {
                    if (!added) {
                        return new AddUserResult.AlreadyExists(username);
                    }
                    audit.record(AuditEvent.ofUser(AuditEvent.Kind.USER_ADDED, username));
                    return new AddUserResult.Added(username);
                });
    }
}
