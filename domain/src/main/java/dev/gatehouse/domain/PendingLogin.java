package dev.gatehouse.domain;

import java.util.Objects;

/**
 * A login half-way: the password was right, the second factor is still to come. The session that
 * holds it greets nobody and reaches nothing; it names only whose code the next step checks, and
 * the credential version the password was checked against.
 */
public record PendingLogin(Username user, long credentialVersion) {

    public PendingLogin {
        Objects.requireNonNull(user, "user");
    }
}
