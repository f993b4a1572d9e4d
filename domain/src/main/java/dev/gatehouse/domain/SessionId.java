package dev.gatehouse.domain;

import java.util.Optional;

/**
 * A session's id: 256 bits from a CSPRNG, URL-safe, meaning nothing. Stores key sessions by
 * {@link #storageKey()}, a SHA-256 of the id, so a store dump holds no usable id. Equality is
 * checked in constant time. {@code toString} shows a short prefix of the storage key only.
 */
public final class SessionId {

    private final String value;
    private String storageKey;

    private SessionId(String value) {
        this.value = value;
    }

    public static SessionId generate() {
        return new SessionId(RandomToken.next());
    }

    /** The id, or empty when the text does not have the exact shape of one we issue. */
    public static Optional<SessionId> parse(String text) {
        return RandomToken.isWellFormed(text) ? Optional.of(new SessionId(text)) : Optional.empty();
    }

    /** The secret text itself, for the cookie and nowhere else. */
    public String value() {
        return value;
    }

    /** Hex SHA-256 of the id: what stores key by and what logs may show. */
    public String storageKey() {
        String key = storageKey;
        if (key == null) {
            key = RandomToken.sha256Hex(value);
            storageKey = key;
        }
        return key;
    }

    /** The start of the storage key: how listings and the audit log name a session without giving its id away. */
    public String handle() {
        return SessionSummary.handleOf(storageKey());
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SessionId that && RandomToken.constantTimeEquals(value, that.value);
    }

    @Override
    public int hashCode() {
        return storageKey().hashCode();
    }

    @Override
    public String toString() {
        return "SessionId[" + handle() + "]";
    }
}
