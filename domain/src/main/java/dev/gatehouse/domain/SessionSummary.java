package dev.gatehouse.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * What an administrator may see of a logged-in session. It never holds the session id, which is
 * a credential: a session is named by its storage key (the SHA-256 of the id, see
 * {@link SessionId#storageKey()}), from which no cookie can be made. The credential version it was
 * logged in with tells whether its user's password has changed since (then it is over).
 */
public record SessionSummary(String storageKey, Username user, Channel channel, String device, Instant createdAt, Instant lastSeenAt,
                             long credentialVersion) {

    /** How many characters of the storage key are shown; enough to tell sessions apart. */
    public static final int HANDLE_LENGTH = 12;

    public SessionSummary {
        Objects.requireNonNull(storageKey, "storageKey");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(lastSeenAt, "lastSeenAt");
    }

    /** The short name shown in listings and accepted (as a prefix) by revocation. */
    public String handle() {
        return handleOf(storageKey);
    }

    static String handleOf(String storageKey) {
        return storageKey.substring(0, Math.min(HANDLE_LENGTH, storageKey.length()));
    }

    public Instant expiresAt(SessionPolicy policy) {
        return policy.expiresAt(createdAt, lastSeenAt);
    }

    public boolean isExpiredAt(Instant now, SessionPolicy policy) {
        return !now.isBefore(expiresAt(policy));
    }
}
