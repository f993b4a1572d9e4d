package dev.gatehouse.application;

import dev.gatehouse.domain.Sealer;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;

/**
 * A value that makes the round trip through a browser between a ceremony's two steps (an
 * authenticator's new key, a WebAuthn challenge): sealed with the instant it stops being good,
 * bound to a context, so that it can be neither read, nor changed, nor used elsewhere or later.
 */
final class SealedForAWhile {

    private SealedForAWhile() {
    }

    static String seal(Sealer sealer, String value, Instant until, String boundTo) {
        return sealer.seal((until.getEpochSecond() + " " + value).getBytes(StandardCharsets.UTF_8), boundTo);
    }

    /** The value, while it is good and only in the context it was sealed for. */
    static Optional<String> open(Sealer sealer, String sealed, Instant now, String boundTo) {
        return sealer.open(sealed, boundTo).flatMap(plain -> {
            String[] parts = new String(plain, StandardCharsets.UTF_8).split(" ", 2);
            return parts.length == 2 && now.isBefore(Instant.ofEpochSecond(Long.parseLong(parts[0]))) ? Optional.of(parts[1]) : Optional.empty();
        });
    }
}
