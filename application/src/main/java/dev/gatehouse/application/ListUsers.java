package dev.gatehouse.application;

import dev.gatehouse.domain.UserAccounts;
import dev.gatehouse.domain.Username;

import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletionStage;

/** The names of all users, sorted. */
public final class ListUsers {

    private final UserAccounts accounts;

    public ListUsers(UserAccounts accounts) {
        this.accounts = accounts;
    }

    public CompletionStage<List<Username>> list() {
        return accounts.list().thenApply(names -> names.stream().sorted(Comparator.comparing(Username::value)).toList());
    }
}
