package dev.gatehouse.application;

import dev.gatehouse.domain.SessionId;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The second step of a login as it arrived: the half-way session it came with, the CSRF token it
 * sent back, the code as typed (an authenticator code or a recovery code), where it came from
 * (for the throttle), the device tokens it holds ({@link dev.gatehouse.domain.KnownDevice}), and
 * whether the user ticked "Trust this browser for 30 days", with the browser as they would name it.
 */
public record CompleteLoginCommand(Optional<SessionId> sessionId, String csrfToken, String code, String client, List<String> deviceTokens,
                                   boolean trustBrowser, String device) {

    /** Without trusting the browser (the terminal has none). */
    public CompleteLoginCommand(Optional<SessionId> sessionId, String csrfToken, String code, String client, List<String> deviceTokens) {
        this(sessionId, csrfToken, code, client, deviceTokens, false, "");
    }

    public CompleteLoginCommand {
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(client, "client");
        code = code == null ? "" : code;
        deviceTokens = List.copyOf(deviceTokens);
        device = device == null ? "" : device;
    }

    @Override
    public String toString() {
        return "CompleteLoginCommand[sessionId=" + sessionId + ", code=hidden, client=" + client + "]";
    }
}
