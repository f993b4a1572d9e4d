package dev.gatehouse.app.config;

import dev.gatehouse.domain.access.SecondFactorRequirement;

import java.util.Objects;
import java.util.Optional;

/**
 * The second factor's settings every command shares: who must have one, and the issuer that
 * authenticator apps name the account after ({@code --issuer}; without it, the portal's host, or
 * the brand's name).
 */
public record SecondFactorSettings(SecondFactorRequirement requirement, Optional<String> issuer) {

    public static final SecondFactorSettings DEFAULT = new SecondFactorSettings(SecondFactorRequirement.NONE, Optional.empty());

    public SecondFactorSettings {
        Objects.requireNonNull(requirement, "requirement");
        Objects.requireNonNull(issuer, "issuer");
    }
}
