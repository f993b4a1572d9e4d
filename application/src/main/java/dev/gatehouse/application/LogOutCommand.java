package dev.gatehouse.application;

import dev.gatehouse.domain.RememberMeToken;
import dev.gatehouse.domain.SessionId;

import java.util.Objects;
import java.util.Optional;

/**
 * A logout request: the session it came with, the CSRF token the form sent back, and the
 * remember-me token of the browser, which logging out forgets.
 */
public record LogOutCommand(Optional<SessionId> sessionId, String csrfToken, Optional<RememberMeToken> remembered) {

    public LogOutCommand {
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(remembered, "remembered");
    }

    /** From a way in that remembers no login (the terminal). */
    public LogOutCommand(Optional<SessionId> sessionId, String csrfToken) {
        this(sessionId, csrfToken, Optional.empty());
    }
}
