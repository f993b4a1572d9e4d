package dev.gatehouse.application;

import dev.gatehouse.domain.AuditEvent;
import dev.gatehouse.domain.AuditLog;
import dev.gatehouse.domain.Password;
import dev.gatehouse.domain.PasswordBlocklist;
import dev.gatehouse.domain.PasswordPolicy;
import dev.gatehouse.domain.UserAccounts;
import dev.gatehouse.domain.UserProfile;
import dev.gatehouse.domain.Username;

import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Adds a user whose name is free and keeps to {@link Username#forNewAccount}, whose password meets
 * the {@link PasswordPolicy}, with the groups, display name and e-mail address asked for.
 */
public final class AddUser {

    private final UserAccounts accounts;
    private final PasswordBlocklist blocklist;
    private final AuditLog audit;

    public AddUser(UserAccounts accounts, PasswordBlocklist blocklist, AuditLog audit) {
        this.accounts = accounts;
        this.blocklist = blocklist;
        this.audit = audit;
    }

    /** What is wrong with the name or the details of a new account, if anything: for asking before the password is typed. */
    public static Optional<String> problemWith(NewAccount account) {
        try {
            profileOf(account);
            return Optional.empty();
        } catch (IllegalArgumentException invalid) {
            return Optional.of(invalid.getMessage());
        }
    }

    private static UserProfile profileOf(NewAccount account) {
        return new UserProfile(Username.forNewAccount(account.username()), new TreeSet<>(account.groups()), account.displayName(), account.email());
    }

    /** A user with no groups, display name or e-mail address. */
    public CompletionStage<AddUserResult> add(String typedUsername, Password password) {
        return add(new NewAccount(typedUsername, Set.of(), Optional.empty(), Optional.empty()), password);
    }

    public CompletionStage<AddUserResult> add(NewAccount account, Password password) {
        UserProfile profile;
        try {
            profile = profileOf(account);
        } catch (IllegalArgumentException invalid) {
            password.wipe();
            return CompletableFuture.completedFuture(new AddUserResult.Invalid(invalid.getMessage()));
        }
        return NewPasswords.problemWith(password, blocklist).thenCompose(problem -> {
            if (problem.isPresent()) {
                password.wipe();
                return CompletableFuture.completedFuture(new AddUserResult.WeakPassword(problem.get()));
            }
            return add(profile, password);
        });
    }

    private CompletionStage<AddUserResult> add(UserProfile profile, Password password) {
        Username username = profile.user();
        return accounts.addIfAbsent(profile, password)
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
