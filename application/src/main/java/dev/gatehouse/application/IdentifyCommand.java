package dev.gatehouse.application;

import dev.gatehouse.domain.RememberMeToken;
import dev.gatehouse.domain.SessionId;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A request's credentials as it brought them: its session, and what restoring a remembered
 * login would take. The second is read only when it is needed (nobody is logged in): on every
 * other request, the look at the cookies and the User-Agent it costs is saved.
 */
public record IdentifyCommand(Optional<SessionId> sessionId, Supplier<Optional<Remembered>> remembered) {

    public IdentifyCommand {
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(remembered, "remembered");
    }

    /**
     * A remember-me token, the client and device a session restored from it is for, and the token
     * of a browser its user trusts to skip the code, if the request holds one.
     */
    public record Remembered(RememberMeToken token, String client, String device, Optional<String> trustedBrowserToken) {

        public Remembered {
            Objects.requireNonNull(token, "token");
            Objects.requireNonNull(client, "client");
            Objects.requireNonNull(device, "device");
            Objects.requireNonNull(trustedBrowserToken, "trustedBrowserToken");
        }

        public Remembered(RememberMeToken token, String client, String device) {
            this(token, client, device, Optional.empty());
        }
    }
}
