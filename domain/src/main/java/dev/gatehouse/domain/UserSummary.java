package dev.gatehouse.domain;

import java.util.Collections;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;

/** A user as an administrator lists them: the name, whether the account may log in, and the groups. */
public record UserSummary(Username username, boolean disabled, SortedSet<Group> groups) {

    public UserSummary {
        Objects.requireNonNull(username, "username");
        groups = Collections.unmodifiableSortedSet(new TreeSet<>(groups));
    }

    /** A user in no group. */
    public UserSummary(Username username, boolean disabled) {
        this(username, disabled, new TreeSet<>());
    }
}
