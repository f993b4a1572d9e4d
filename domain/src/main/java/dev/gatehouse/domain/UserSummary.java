package dev.gatehouse.domain;

import java.util.Objects;

/** A user as an administrator lists them: the name and whether the account may log in. */
public record UserSummary(Username username, boolean disabled) {

    public UserSummary {
        Objects.requireNonNull(username, "username");
    }
}
