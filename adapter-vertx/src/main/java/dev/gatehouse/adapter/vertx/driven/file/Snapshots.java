package dev.gatehouse.adapter.vertx.driven.file;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * What an embedded store keeps over a restart: a file of mode 0600 whose first line names its
 * format and whose every further line is one entry as JSON, written whole and moved into place
 * atomically, so a write cut short (a stop past its time, a crash) leaves the last one as it was.
 * Written one entry at a time: a million sessions take no more memory than the file's buffer.
 * Blocking: call off the event loop.
 */
public final class Snapshots {

    private static final JsonFactory JSON = JsonFactory.builder().disable(com.fasterxml.jackson.core.StreamWriteFeature.AUTO_CLOSE_TARGET).build();
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    /** A snapshot that is not what was written: it has been moved aside, to {@link #movedTo()}. */
    public static final class Corrupt extends IOException {
        private static final long serialVersionUID = 1L;
        private final transient Path movedTo;

        Corrupt(Path file, Path movedTo, String why) {
            super(file + " is damaged (" + why + "); moved aside to " + movedTo.getFileName());
            this.movedTo = movedTo;
        }

        public Path movedTo() {
            return movedTo;
        }
    }

    private Snapshots() {
    }

    /** Writes one entry, as the fields of one JSON object, through the generator given. */
    @FunctionalInterface
    public interface Entry {
        void writeFields(JsonGenerator json) throws IOException;
    }

    /**
     * Writes the header, then each entry {@code entries} hands over, one line each, streamed
     * through one JSON generator (a million sessions in a few seconds); how many entries there were.
     */
    public static int write(Path file, String format, Consumer<Consumer<Entry>> entries) throws IOException {
        int[] count = {0};
        PrivateFiles.write(file, out -> {
            try (JsonGenerator json = JSON.createGenerator(out)) {
                json.setRootValueSeparator(new SerializedString("\n"));
                json.writeStartObject();
                json.writeStringField("format", format);
                json.writeEndObject();
                IOException[] failed = {null};
                entries.accept(entry -> {
                    if (failed[0] == null) {
                        try {
                            json.writeStartObject();
                            entry.writeFields(json);
                            json.writeEndObject();
                            count[0]++;
                        } catch (IOException writeFailed) {
                            failed[0] = writeFailed;
                        }
                    }
                });
                if (failed[0] != null) {
                    throw failed[0];
                }
                json.writeRaw('\n');
            }
        });
        return count[0];
    }

    /**
     * Hands each entry of the file to {@code restore}, which says whether it kept it; how many were
     * kept. No file is no entries. A file that is not what was written is moved aside (as
     * {@code NAME.corrupt-TIMESTAMP}, so nothing is lost for a person to look at) and reported as
     * {@link Corrupt}; the entries read before the damage stay kept. A snapshot of the first
     * format ({@code listName} in one JSON document) is read as well, once, after an upgrade.
     */
    public static int read(Path file, String format, String previousFormat, String listName, Predicate<JsonObject> restore) throws IOException {
        if (!Files.exists(file)) {
            return 0;
        }
        int restored = 0;
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String first = reader.readLine();
            JsonObject header = first == null ? null : new JsonObject(first);
            if (header != null && previousFormat.equals(header.getString("format"))) {
                for (Object entry : header.getJsonArray(listName, new JsonArray())) {
                    restored += restore.test((JsonObject) entry) ? 1 : 0;
                }
                return restored;
            }
            if (header == null || !format.equals(header.getString("format"))) {
                throw new IllegalArgumentException("not a snapshot of the kind " + format);
            }
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                restored += restore.test(new JsonObject(line)) ? 1 : 0;
            }
            return restored;
        } catch (IOException | DecodeException | ClassCastException | IllegalArgumentException | NullPointerException | DateTimeException
                 | java.io.UncheckedIOException broken) {
            Path aside = file.resolveSibling(file.getFileName() + ".corrupt-" + STAMP.format(Instant.now()));
            Files.move(file, aside, StandardCopyOption.REPLACE_EXISTING);
            throw new Corrupt(file, aside, broken.getClass().getSimpleName() + (broken.getMessage() == null ? "" : ": " + firstLine(broken.getMessage())));
        }
    }

    private static String firstLine(String message) {
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }
}
