package dev.gatehouse.app.wiring;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/** The data directory holds the secret and the password hashes: when we create it, only its owner may enter it. */
public final class DataDirectory {

    private DataDirectory() {
    }

    /**
     * Refuses a data directory others may change (they could swap the users file or the secret)
     * and a users file others may read or change (its hashes could be cracked offline, or
     * replaced), as the secret file is refused.
     */
    public static void check(Path dataDir, Path usersFile) throws Secrets.Refused, IOException {
        if (!FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            return;
        }
        Set<PosixFilePermission> directory = Files.getPosixFilePermissions(dataDir);
        if (directory.contains(PosixFilePermission.GROUP_WRITE) || directory.contains(PosixFilePermission.OTHERS_WRITE)) {
            throw new Secrets.Refused("The data directory " + dataDir + " can be changed by other users (mode "
                    + PosixFilePermissions.toString(directory) + "): run chmod 700 on it.");
        }
        if (Files.exists(usersFile)) {
            Set<PosixFilePermission> users = Files.getPosixFilePermissions(usersFile);
            if (!Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE).containsAll(users)) {
                throw new Secrets.Refused("The users file " + usersFile + " can be read or changed by other users (mode "
                        + PosixFilePermissions.toString(users) + "): run chmod 600 on it.");
            }
        }
        Path lockFile = usersFile.resolveSibling(usersFile.getFileName() + ".lock");
        if (Files.exists(lockFile)) {
            Set<PosixFilePermission> lock = Files.getPosixFilePermissions(lockFile);
            if (lock.contains(PosixFilePermission.GROUP_WRITE) || lock.contains(PosixFilePermission.OTHERS_WRITE)) {
                throw new Secrets.Refused("The lock file " + lockFile + " can be changed by other users (mode "
                        + PosixFilePermissions.toString(lock) + "), who could then hold up every change of users: run chmod 600 on it.");
            }
        }
    }

    public static Path prepare(Path dataDir) {
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
