package dev.gatehouse.domain;

import java.util.Objects;

/** What a person presents to log in. {@code toString} never shows the password. */
public record Credentials(Username username, Password password) {

    public Credentials {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
    }

    public void wipe() {
        password.wipe();
    }

    @Override
    public String toString() {
        return "Credentials[username=" + username + ", password=hidden]";
    }
}
