package dev.gatehouse.app.config;

import java.util.Locale;
import java.util.Optional;

/**
 * Where sessions are kept: {@code memory}, inside each process (the embedded default), or a Redis
 * URL ({@code redis://host:6379}, {@code rediss://} for TLS) that every server and terminal shares.
 */
public record SessionStoreLocation(Optional<String> redisUrl) {

    public static final SessionStoreLocation MEMORY = new SessionStoreLocation(Optional.empty());

    public static SessionStoreLocation parse(String text) {
        String trimmed = text.strip();
        if (trimmed.equalsIgnoreCase("memory")) {
            return MEMORY;
        }
        String lower = trimmed.toLowerCase(Locale.ROOT);
        if (lower.startsWith("redis://") || lower.startsWith("rediss://")) {
            return new SessionStoreLocation(Optional.of(trimmed));
        }
        throw new IllegalArgumentException("a session store is 'memory' or a redis:// URL");
    }

    /** True when other processes see the same sessions. */
    public boolean shared() {
        return redisUrl.isPresent();
    }

    /** What may be shown of the location: never a password from the URL. */
    @Override
    public String toString() {
        return redisUrl.map(url -> url.replaceFirst("//[^@/]*@", "//***@")).orElse("memory");
    }
}
