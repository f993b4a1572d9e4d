package dev.gatehouse.adapter.cli;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

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

    /** For picocli: reads the option's text. */
    public static final class Converter implements ITypeConverter<SessionStoreLocation> {
        @Override
        public SessionStoreLocation convert(String text) {
            try {
                return parse(text);
            } catch (IllegalArgumentException notAStore) {
                throw new TypeConversionException("'" + text + "' is not a session store: use memory or redis://HOST:PORT");
            }
        }
    }
}
