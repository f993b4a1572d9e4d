package dev.gatehouse.domain;

import dev.gatehouse.domain.secondfactor.TotpSecret;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A user's second factors as a directory keeps them: the authenticator secret, if enrolled; the
 * step of the last code accepted (negative when none was), so that no code counts twice; and the
 * hashes of the recovery codes not used yet.
 */
public record SecondFactors(Optional<TotpSecret> totp, long lastUsedStep, Set<String> recoveryCodeHashes) {

    public static final SecondFactors NONE = new SecondFactors(Optional.empty(), -1, Set.of());

    public SecondFactors {
        Objects.requireNonNull(totp, "totp");
        recoveryCodeHashes = Set.copyOf(recoveryCodeHashes);
    }

    public boolean enrolled() {
        return totp.isPresent();
    }
}
