package dev.gatehouse.application;

import dev.gatehouse.domain.UserAccounts;
import dev.gatehouse.domain.UserSummary;

import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletionStage;

/** All users, sorted by name, with whether each may log in. */
public final class ListUsers {

    private final UserAccounts accounts;

    public ListUsers(UserAccounts accounts) {
        this.accounts = accounts;
    }

    public CompletionStage<List<UserSummary>> list() {
        return accounts.list().thenApply(users -> users.stream()
                .sorted(Comparator.comparing(user -> user.username().value()))
                .toList());
    }
}
