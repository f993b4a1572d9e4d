package dev.gatehouse.application;

import dev.gatehouse.domain.Group;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** A user to add, as an administrator asks for it: the name as typed, the groups, and the optional details. */
public record NewAccount(String username, Set<Group> groups, Optional<String> displayName, Optional<String> email) {

    public NewAccount {
        Objects.requireNonNull(username, "username");
        groups = Set.copyOf(groups);
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(email, "email");
    }
}
