package dev.gatehouse.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A passkey (a WebAuthn credential) of a user, as a user directory keeps it: the credential's id
 * and public key (COSE, Base64url) and its authenticator's model (AAGUID), the signature counter
 * last seen, the name the user gave it, and when it was added and last used. Nothing in it is
 * secret: the private key never leaves the authenticator.
 */
public record Passkey(String credentialId, String publicKey, String aaguid, long signCount, String name, Instant addedAt,
                      Optional<Instant> lastUsedAt) {

    /** What a name may be: something short the user recognises. */
    public static final int MAX_NAME_LENGTH = 64;

    public Passkey {
        Objects.requireNonNull(credentialId, "credentialId");
        Objects.requireNonNull(publicKey, "publicKey");
        Objects.requireNonNull(aaguid, "aaguid");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(addedAt, "addedAt");
        Objects.requireNonNull(lastUsedAt, "lastUsedAt");
    }

    /** A name as typed, made fit to keep and show: trimmed, one line, at most {@value #MAX_NAME_LENGTH} characters; empty when nothing is left. */
    public static Optional<String> name(String typed) {
        if (typed == null) {
            return Optional.empty();
        }
        String cleaned = typed.codePoints().filter(c -> !Character.isISOControl(c))
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString().strip();
        if (cleaned.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(cleaned.length() > MAX_NAME_LENGTH ? cleaned.substring(0, MAX_NAME_LENGTH).strip() : cleaned);
    }

    /**
     * Whether an assertion with this counter may be accepted: a counter that does not go up
     * means a cloned authenticator, unless the authenticator keeps no counter at all (both 0).
     */
    public boolean acceptsCount(long presented) {
        return presented > signCount || presented == 0 && signCount == 0;
    }

    /** A short name for it in forms: the start of the SHA-256 of its id. */
    public String handle() {
        return RandomToken.sha256Hex(credentialId).substring(0, 12);
    }

    public Passkey used(long count, Instant when) {
        return new Passkey(credentialId, publicKey, aaguid, count, name, addedAt, Optional.of(when));
    }

    public Passkey renamed(String newName) {
        return new Passkey(credentialId, publicKey, aaguid, signCount, newName, addedAt, lastUsedAt);
    }
}
