package dev.gatehouse.application;

import dev.gatehouse.domain.SessionId;

import java.util.Objects;
import java.util.Optional;

/** A logout request: the session it came with and the CSRF token the form sent back. */
public record LogOutCommand(Optional<SessionId> sessionId, String csrfToken) {

    public LogOutCommand {
        Objects.requireNonNull(sessionId, "sessionId");
    }
}
