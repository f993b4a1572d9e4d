package dev.gatehouse.application;

import dev.gatehouse.domain.Username;

import java.util.Objects;
import java.util.Optional;

/**
 * A second factor as typed by a user who has just given the right password: an authenticator
 * code or a recovery code; and where the attempt comes from, for the throttle.
 */
public record VerifySecondFactorCommand(Username user, String typed, String client, Optional<String> device) {

    public VerifySecondFactorCommand {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(device, "device");
        typed = typed == null ? "" : typed;
    }

    @Override
    public String toString() {
        return "VerifySecondFactorCommand[" + user + ", from " + client + "]";  // never the code
    }
}
