package dev.gatehouse.application;

import dev.gatehouse.domain.Password;
import dev.gatehouse.domain.SessionId;

import java.util.Objects;
import java.util.Optional;

/** A user's request to change their own password, from the session it came with. */
public record ChangeOwnPasswordCommand(Optional<SessionId> sessionId, String csrfToken, Password currentPassword,
                                       Password newPassword, String client) {

    public ChangeOwnPasswordCommand {
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(currentPassword, "currentPassword");
        Objects.requireNonNull(newPassword, "newPassword");
        Objects.requireNonNull(client, "client");
    }

    void wipe() {
        currentPassword.wipe();
        newPassword.wipe();
    }

    @Override
    public String toString() {
        return "ChangeOwnPasswordCommand[sessionId=" + sessionId + ", passwords=hidden, client=" + client + "]";
    }
}
