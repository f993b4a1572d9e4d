package dev.gatehouse.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/** The data directory holds the secret and the password hashes: when we create it, only its owner may enter it. */
final class DataDirectory {

    private DataDirectory() {
    }

    static Path prepare(Path dataDir) {
        try {
            if (Files.notExists(dataDir)) {
                Files.createDirectories(dataDir);
                if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                    Files.setPosixFilePermissions(dataDir, PosixFilePermissions.fromString("rwx------"));
                }
            }
            return dataDir;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the data directory " + dataDir, e);
        }
    }
}
