package dev.gatehouse.app;

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
import java.util.Base64;
import java.util.Set;

/**
 * The server secret that keys the session cookie's signature: {@code GATEHOUSE_SECRET} when set,
 * otherwise the secret file in the data directory, generated on first start with mode 0600. A
 * secret shorter than 32 bytes, or one that is plainly not random, is refused.
 */
final class Secrets {

    static final int MIN_BYTES = 32;

    /** Why the server will not start with the secret it was given; the message never contains the secret. */
    static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;

        Refused(String message) {
            super(message);
        }
    }

    private Secrets() {
    }

    static byte[] load(String fromEnvironment, Path file) throws Refused, IOException {
        if (fromEnvironment != null) {
            return check(fromEnvironment, "GATEHOUSE_SECRET");
        }
        if (Files.exists(file)) {
            if (isReadableByOthers(file)) {
                throw new Refused("The secret file " + file + " can be read by other users: run chmod 600 on it.");
            }
            return check(Files.readString(file, StandardCharsets.UTF_8).strip(), "The secret file " + file);
        }
        return generate(file);
    }

    private static byte[] generate(Path file) throws IOException, Refused {
        byte[] random = new byte[MIN_BYTES];
        new SecureRandom().nextBytes(random);
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        Files.createDirectories(file.toAbsolutePath().getParent());
        try {
            Files.writeString(Files.createFile(file, ownerOnly()), secret + "\n", StandardCharsets.UTF_8);
        } catch (FileAlreadyExistsException raced) {
            return load(null, file); // another process created it first: use theirs
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
