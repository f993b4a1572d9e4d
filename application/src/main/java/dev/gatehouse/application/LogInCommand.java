package dev.gatehouse.application;

import dev.gatehouse.domain.Channel;
import dev.gatehouse.domain.Password;
import dev.gatehouse.domain.PreLogin;
import dev.gatehouse.domain.SessionId;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A login attempt as it arrived: the session it came with and the pre-login value it holds (either
 * one proves the form's CSRF token), the token the form sent back, the username and password as
 * typed, the client it came from (an address, or "terminal"), which the throttle counts attempts
 * by, the channel it came through, the device it says it is (shown in session lists), and the
 * tokens it holds from earlier logins ({@link dev.gatehouse.domain.KnownDevice}), if any, and the
 * token of a browser its user trusts to skip the code ({@link dev.gatehouse.domain.TrustedBrowser}). The
 * username is raw text so the core, not the adapter, decides what an unusable one means.
 */
public record LogInCommand(Optional<SessionId> sessionId, Optional<PreLogin> preLogin, String csrfToken, String username, Password password,
                           String client, Channel channel, String device, List<String> deviceTokens, Optional<String> trustedBrowserToken) {

    /** From a client that holds no trusted browser's token (the terminal, a script). */
    public LogInCommand(Optional<SessionId> sessionId, Optional<PreLogin> preLogin, String csrfToken, String username, Password password,
                        String client, Channel channel, String device, List<String> deviceTokens) {
        this(sessionId, preLogin, csrfToken, username, password, client, channel, device, deviceTokens, Optional.empty());
    }


    public LogInCommand {
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(preLogin, "preLogin");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(device, "device");
        deviceTokens = List.copyOf(deviceTokens);
        Objects.requireNonNull(trustedBrowserToken, "trustedBrowserToken");
    }

    @Override
    public String toString() {
        return "LogInCommand[sessionId=" + sessionId + ", username=" + username + ", password=hidden, client=" + client + ", channel=" + channel + "]";
    }
}
