package dev.gatehouse.app.wiring;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The server secrets that key the session cookie's signature (S22): {@code GATEHOUSE_SECRET} and
 * {@code GATEHOUSE_PREVIOUS_SECRETS} when set, otherwise the secret file in the data directory,
 * whose first line is the current secret and whose other lines are previous ones; the file is
 * generated on first start with mode 0600. The current secret alone signs; the previous ones only
 * verify cookies signed before a rotation. A secret shorter than 32 bytes, plainly not random, or
 * with a placeholder word in it is refused.
 */
public final class Secrets {

    public static final int MIN_BYTES = 32;
    /** Words that mark a secret copied from an example or left as a placeholder. */
    private static final List<String> PLACEHOLDERS = List.of("secret", "changeme", "change-me", "change_me", "password",
            "example", "insecure", "default", "placeholder", "0123456789", "abcdefgh", "qwerty");

    /** Why the server will not start with the secret it was given; the message never contains the secret. */
    public static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;

        Refused(String message) {
            super(message);
        }
    }

    private Secrets() {
    }

    /** The secrets, the current one first. */
    public static List<byte[]> load(String fromEnvironment, String previousFromEnvironment, Path file) throws Refused, IOException {
        List<byte[]> secrets = new ArrayList<>();
        if (fromEnvironment != null) {
            secrets.add(check(fromEnvironment, "GATEHOUSE_SECRET"));
            if (previousFromEnvironment != null) {
                for (String previous : previousFromEnvironment.split(",")) {
                    if (!previous.isBlank()) {
                        secrets.add(check(previous.strip(), "A secret of GATEHOUSE_PREVIOUS_SECRETS"));
                    }
                }
            }
            return secrets;
        }
        if (!Files.exists(file)) {
            return List.of(generate(file));
        }
        if (isReadableByOthers(file)) {
            throw new Refused("The secret file " + file + " can be read by other users: run chmod 600 on it.");
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8).stream().map(String::strip).filter(line -> !line.isEmpty()).toList();
        if (lines.isEmpty()) {
            throw new Refused("The secret file " + file + " is empty: delete it to have a new one generated.");
        }
        for (int i = 0; i < lines.size(); i++) {
            secrets.add(check(lines.get(i), "Line " + (i + 1) + " of the secret file " + file));
        }
        return secrets;
    }

    private static byte[] generate(Path file) throws IOException, Refused {
        byte[] random = new byte[MIN_BYTES];
        new SecureRandom().nextBytes(random);
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        Files.createDirectories(file.toAbsolutePath().getParent());
        try {
            Files.writeString(Files.createFile(file, ownerOnly()), secret + "\n", StandardCharsets.UTF_8);
        } catch (FileAlreadyExistsException raced) {
            return load(null, null, file).get(0); // another process created it first: use theirs
        }
        return secret.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] check(String secret, String source) throws Refused {
        byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
        if (bytes.length < MIN_BYTES) {
            throw new Refused(source + " is shorter than " + MIN_BYTES + " bytes: generate one with `openssl rand -base64 32`.");
        }
        if (secret.chars().distinct().count() < 8) {
            throw new Refused(source + " is not random enough: generate one with `openssl rand -base64 32`.");
        }
        String lower = secret.toLowerCase(Locale.ROOT);
        if (PLACEHOLDERS.stream().anyMatch(lower::contains)) {
            throw new Refused(source + " looks like an example or a placeholder: generate one with `openssl rand -base64 32`.");
        }
        return bytes;
    }

    private static boolean isReadableByOthers(Path file) throws IOException {
        if (!FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            return false;
        }
        Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
        return permissions.contains(PosixFilePermission.GROUP_READ) || permissions.contains(PosixFilePermission.OTHERS_READ);
    }

    private static FileAttribute<?>[] ownerOnly() {
        if (!FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            return new FileAttribute<?>[0];
        }
        return new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))};
    }
}
