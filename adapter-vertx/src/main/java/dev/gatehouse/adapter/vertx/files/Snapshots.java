package dev.gatehouse.adapter.vertx.files;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.util.function.Predicate;

/**
 * What an embedded store keeps over a restart: a JSON file of mode 0600 naming its format and
 * listing its entries, written at stop and read back once at the next start, then deleted, so an
 * old one can never bring back what has ended since. Blocking: call off the event loop.
 */
public final class Snapshots {

    private Snapshots() {
    }

    public static void write(Path file, String format, String listName, JsonArray entries) throws IOException {
        PrivateFiles.write(file, new JsonObject().put("format", format).put(listName, entries).encode().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Hands each entry of the file to {@code restore}, which says whether it kept it, and deletes
     * the file; how many were kept. No file is no entries; a file that is not what was written is
     * an IOException saying so.
     */
    public static int readOnce(Path file, String format, String listName, Predicate<JsonObject> restore) throws IOException {
        if (!Files.exists(file)) {
            return 0;
        }
        try {
            JsonObject document = new JsonObject(Files.readString(file, StandardCharsets.UTF_8));
            if (!format.equals(document.getString("format"))) {
                throw new IOException(file + " is not a snapshot of the kind " + format);
            }
            int restored = 0;
            for (Object entry : document.getJsonArray(listName)) {
                if (restore.test((JsonObject) entry)) {
                    restored++;
                }
            }
            return restored;
        } catch (DecodeException | ClassCastException | IllegalArgumentException | NullPointerException | DateTimeException broken) {
            throw new IOException(file + " is not a valid snapshot: " + broken.getMessage());
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
