package dev.gatehouse.app.config;

import java.util.Locale;
import java.util.Optional;

/**
 * Where users are kept: {@code file}, the users file of the data directory (the embedded default),
 * or a PostgreSQL URL ({@code postgresql://user@host:5432/db}) that every server and terminal shares.
 */
public record UserDirectoryLocation(Optional<String> postgresUrl) {

    public static final UserDirectoryLocation FILE = new UserDirectoryLocation(Optional.empty());

    public static UserDirectoryLocation parse(String text) {
        String trimmed = text.strip();
        if (trimmed.equalsIgnoreCase("file")) {
            return FILE;
        }
        String lower = trimmed.toLowerCase(Locale.ROOT);
        if (lower.startsWith("postgresql://") || lower.startsWith("postgres://")) {
            return new UserDirectoryLocation(Optional.of(trimmed));
        }
        throw new IllegalArgumentException("a user directory is 'file' or a postgresql:// URL");
    }

    /** What may be shown of the location: never a password from the URL. */
    @Override
    public String toString() {
        return postgresUrl.map(url -> url.replaceFirst("//[^@/]*@", "//***@")).orElse("file");
    }
}
