package dev.gatehouse.adapter.vertx.driven.file;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.BiConsumer;

/**
 * What the embedded stores have ended since their last snapshot (a logout, a revocation, a
 * forgotten remembered login), appended to a file of mode 0600 every second. A snapshot is
 * written only every so often; after a crash, the next start reads the last snapshot and then
 * ends again whatever this journal lists, so a logout is never undone by a restart. Entries name
 * what was ended by its hash or its user, never by a secret. Recording is a queue append, so the
 * stores call it on the event loop; flushing blocks, and runs off it.
 */
public final class EndedJournal {

    private final Queue<String> pending = new ConcurrentLinkedQueue<>();
    private final boolean recording;

    private EndedJournal(boolean recording) {
        this.recording = recording;
    }

    public static EndedJournal recording() {
        return new EndedJournal(true);
    }

    /** For a store that keeps nothing over a restart (a terminal's own): records nothing. */
    public static EndedJournal none() {
        return new EndedJournal(false);
    }

    /** Notes that something was ended: a kind (one letter) and what names it (no spaces, no line breaks). */
    public void record(char kind, String name) {
        if (recording) {
            pending.add(kind + " " + name);
        }
    }

    /** Appends what was noted since the last flush, and forces it to disk. Blocking. */
    public void flush(Path file) throws IOException {
        if (pending.isEmpty()) {
            return;
        }
        StringBuilder lines = new StringBuilder();
        for (String line = pending.poll(); line != null; line = pending.poll()) {
            lines.append(line).append('\n');
        }
        try (FileChannel channel = PrivateFiles.openForAppending(file)) {
            ByteBuffer bytes = ByteBuffer.wrap(lines.toString().getBytes(StandardCharsets.UTF_8));
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
            channel.force(false);
        }
    }

    /** Hands each entry of the file to {@code ended}, kind and name; a damaged line is skipped. Blocking. */
    public static void replay(Path file, BiConsumer<Character, String> ended) throws IOException {
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.length() > 2 && line.charAt(1) == ' ') {
                    ended.accept(line.charAt(0), line.substring(2));
                }
            }
        } catch (NoSuchFileException none) {
            // Nothing was ended since the last snapshot.
        }
    }

    /** After a snapshot that no longer holds anything the journal lists. Blocking. */
    public static void clear(Path file) throws IOException {
        Files.deleteIfExists(file);
    }
}
