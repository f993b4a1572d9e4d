package dev.gatehouse.adapter.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The terminal's device tokens, as a browser keeps its device cookie: one per user who has logged
 * in at this machine's terminal before, in a file of mode 0600 in the data directory. A stranger
 * hammering an account from the web locks strangers out; its owner still logs in here. A file
 * that cannot be read or written only makes the terminal a stranger: nothing is said about it,
 * since nothing but the dialogue belongs on the terminal.
 */
final class TerminalDevices {

    static final String FILE = "terminal-devices";

    private final Path file;

    TerminalDevices(Path dataDir) {
        this.file = dataDir.resolve(FILE);
    }

    /** The token this terminal holds for the user, if it has logged in as them before. */
    List<String> tokensFor(String username) {
        return Optional.ofNullable(read().get(username)).map(List::of).orElse(List.of());
    }

    /** After a good login: the user's new token replaces the one before. */
    void remember(String username, String token) {
        Map<String, String> tokens = read();
        tokens.put(username, token);
        StringBuilder lines = new StringBuilder();
        // A name holds no control character, so a tab always ends the token.
        tokens.forEach((name, value) -> lines.append(value).append('\t').append(name).append('\n'));
        try {
            Path temporary = Files.createTempFile(file.toAbsolutePath().getParent(), "." + FILE + "-", ".tmp", ownerOnly());
            try {
                Files.writeString(temporary, lines, StandardCharsets.UTF_8);
                try {
                    Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException unsupported) {
                    Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException notKept) {
            // The next login here is a stranger's, throttled as such; nothing else changes.
        }
    }

    private Map<String, String> read() {
        Map<String, String> tokens = new LinkedHashMap<>();
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                int tab = line.indexOf('\t');
                if (tab > 0) {
                    tokens.put(line.substring(tab + 1), line.substring(0, tab));
                }
            }
        } catch (NoSuchFileException none) {
            // No one has logged in at this terminal yet.
        } catch (IOException unreadable) {
            // As if no one had.
        }
        return tokens;
    }

    private static FileAttribute<?>[] ownerOnly() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix")
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))}
                : new FileAttribute<?>[0];
    }
}
