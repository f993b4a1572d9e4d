package dev.gatehouse.app.config;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * Where users are kept: {@code file}, the users file of the data directory (the embedded default),
 * or a PostgreSQL URL ({@code postgresql://user@host:5432/db}) that every server and terminal
 * shares, with libpq's {@code sslmode} and {@code sslrootcert} for TLS; and the password for it,
 * read once at start from {@code GATEHOUSE_USER_DIRECTORY_PASSWORD} or
 * {@code --user-directory-password-file}, never shown.
 */
public record UserDirectoryLocation(Optional<String> postgresUrl, Optional<String> password) {

    public static final UserDirectoryLocation FILE = new UserDirectoryLocation(Optional.empty(), Optional.empty());

    public UserDirectoryLocation(Optional<String> postgresUrl) {
        this(postgresUrl, Optional.empty());
    }

    public static UserDirectoryLocation parse(String text) {
        String trimmed = text.strip();
        if (trimmed.equalsIgnoreCase("file")) {
            return FILE;
        }
        String lower = trimmed.toLowerCase(Locale.ROOT);
        if (lower.startsWith("postgresql://") || lower.startsWith("postgres://")) {
            UserDirectoryLocation location = new UserDirectoryLocation(Optional.of(trimmed));
            String mode = location.sslMode();
            if (!mode.matches("disable|allow|prefer|require|verify-ca|verify-full")) {
                throw new IllegalArgumentException("sslmode is disable, allow, prefer, require, verify-ca or verify-full");
            }
            return location;
        }
        throw new IllegalArgumentException("a user directory is 'file' or a postgresql:// URL");
    }

    /** The same directory, with this password (from the environment or a file). */
    public UserDirectoryLocation withPassword(String secret) {
        return new UserDirectoryLocation(postgresUrl, Optional.of(secret));
    }

    /** libpq's {@code sslmode} from the URL; {@code disable} when it gives none. */
    public String sslMode() {
        return parameter("sslmode").map(mode -> mode.toLowerCase(Locale.ROOT)).orElse("disable");
    }

    /** The CA certificate (PEM) PostgreSQL's must chain to ({@code sslrootcert}); empty for the system's CAs. */
    public Optional<Path> sslRootCert() {
        return parameter("sslrootcert").map(Path::of);
    }

    /** Whether the link is always encrypted: {@code sslmode} require, verify-ca or verify-full. */
    public boolean tls() {
        return sslMode().matches("require|verify-ca|verify-full");
    }

    /** Whether the URL itself holds a password (in its user part or as {@code password=}), as a process list would show it. */
    public boolean passwordInUrl() {
        return postgresUrl.map(url -> url.matches("(?i)postgres(ql)?://[^@/?]*:[^@/?]*@.*")).orElse(false) || parameter("password").isPresent();
    }

    /** What {@code gatehouse config} says of the directory: its kind, TLS or not, a password or not; never the password. */
    public String describe() {
        if (postgresUrl.isEmpty()) {
            return "file, the users file of the data directory";
        }
        String tls = tls() ? "on (sslmode " + sslMode() + sslRootCert().map(ca -> ", root certificate " + ca).orElse("") + ")"
                : "off (sslmode " + sslMode() + ")";
        return "postgresql, TLS " + tls + ", password " + (password.isPresent() || passwordInUrl() ? "set (masked)" : "none");
    }

    /** The directory's kind, as the readiness check names it: {@code file} or {@code postgresql}. */
    public String mode() {
        return postgresUrl.isEmpty() ? "file" : "postgresql";
    }

    private Optional<String> parameter(String name) {
        if (postgresUrl.isEmpty() || postgresUrl.get().indexOf('?') < 0) {
            return Optional.empty();
        }
        for (String pair : postgresUrl.get().substring(postgresUrl.get().indexOf('?') + 1).split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0 && pair.substring(0, equals).equalsIgnoreCase(name)) {
                return Optional.of(URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
            }
        }
        return Optional.empty();
    }

    /** What may be shown of the location: never a password from the URL. */
    @Override
    public String toString() {
        return postgresUrl.map(StoreUrls::masked).orElse("file");
    }
}
