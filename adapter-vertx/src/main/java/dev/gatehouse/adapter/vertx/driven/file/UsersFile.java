package dev.gatehouse.adapter.vertx.driven.file;

import dev.gatehouse.adapter.vertx.driven.UserRecord;
import dev.gatehouse.adapter.vertx.driven.file.PrivateFiles;
import dev.gatehouse.domain.Group;
import dev.gatehouse.domain.UserProfile;
import dev.gatehouse.domain.Passkey;
import dev.gatehouse.domain.TrustedBrowser;
import dev.gatehouse.domain.Username;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * The embedded user directory on disk: a small JSON document of users and their password hashes.
 * Every change is a read-modify-write under an exclusive lock (so the server and the
 * {@code gatehouse users} command can both write), written to a temporary file of mode 0600,
 * flushed and atomically moved into place: a reader sees the old file or the new one, never half.
 * All methods block: call them off the event loop.
 */
final class UsersFile {

    static final String FORMAT = "gatehouse-users/1";

    private final Path path;

    UsersFile(Path path) {
        this.path = path.toAbsolutePath();
    }

    Path path() {
        return path;
    }

    /** The users, in file order; none when the file does not exist yet. */
    Map<Username, UserRecord> read() throws IOException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(path);
        } catch (NoSuchFileException absent) {
            return new LinkedHashMap<>();
        }
        return parse(new String(bytes, StandardCharsets.UTF_8));
    }

    /** Applies a change to the users under the file lock and writes the result, unless it is unchanged. */
    synchronized Map<Username, UserRecord> update(UnaryOperator<Map<Username, UserRecord>> change) throws IOException {
        Files.createDirectories(path.getParent());
        Path lockFile = path.resolveSibling(path.getFileName() + ".lock");
        // Mode 0600 whatever the umask: nobody else has any business with it.
        try (FileChannel lockChannel = FileChannel.open(lockFile, Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE), PrivateFiles.ownerOnly())) {
            // Held until the channel closes. It excludes other processes; synchronized excludes this one's threads.
            lockChannel.lock();
            Map<Username, UserRecord> before = read();
            Map<Username, UserRecord> after = change.apply(new LinkedHashMap<>(before));
            if (!after.equals(before)) {
                write(after);
            }
            return after;
        }
    }

    private void write(Map<Username, UserRecord> users) throws IOException {
        JsonArray list = new JsonArray();
        for (UserRecord user : users.values()) {
            UserProfile profile = user.profile();
            JsonObject entry = new JsonObject()
                    .put("name", user.username().value())
                    .put("password", user.passwordHash())
                    .put("disabled", user.disabled())
                    .put("version", Long.toString(user.credentialVersion()));
            // Written only when there is something to write: a file of users without them reads as before.
            if (!profile.groups().isEmpty()) {
                entry.put("groups", new JsonArray(profile.groups().stream().map(Group::name).toList()));
            }
            profile.displayName().ifPresent(name -> entry.put("displayName", name));
            profile.email().ifPresent(email -> entry.put("email", email));
            UserRecord.Factors factors = user.factors();
            factors.sealedTotp().ifPresent(sealed -> entry.put("totp", sealed).put("totpLastStep", Long.toString(factors.lastUsedStep())));
            if (!factors.recoveryCodeHashes().isEmpty()) {
                entry.put("recoveryCodes", new JsonArray(new java.util.TreeSet<>(factors.recoveryCodeHashes()).stream().toList()));
            }
            if (!factors.trustedBrowsers().isEmpty()) {
                entry.put("trustedBrowsers", new JsonArray(factors.trustedBrowsers().stream().map(UsersFile::trusted).toList()));
            }
            if (!factors.passkeys().isEmpty()) {
                entry.put("passkeys", new JsonArray(factors.passkeys().stream().map(UsersFile::passkey).toList()));
            }
            list.add(entry);
        }
        byte[] bytes = new JsonObject().put("format", FORMAT).put("users", list).encodePrettily().getBytes(StandardCharsets.UTF_8);
        PrivateFiles.write(path, bytes);
    }

    /** What to do about a users file that cannot be read. */
    private static final String RECOVERY = "Fix it, or restore it from a backup; deleting it makes the next start create a new admin.";

    /** Where the parser stopped, as an editor shows it; the parser's own words name its internals, not the file. */
    private static String where(DecodeException broken) {
        return broken.getCause() instanceof JsonProcessingException parser && parser.getLocation() != null
                ? " (line " + parser.getLocation().getLineNr() + ", column " + parser.getLocation().getColumnNr() + ")"
                : "";
    }

    private Map<Username, UserRecord> parse(String text) throws IOException {
        Map<Username, UserRecord> users = new LinkedHashMap<>();
        Map<Username, String> typedNames = new HashMap<>();
        try {
            JsonObject document = new JsonObject(text);
            if (!FORMAT.equals(document.getString("format"))) {
                throw new IOException(path + " is not a Gatehouse users file (format " + FORMAT + ")");
            }
            JsonArray list = document.getJsonArray("users", new JsonArray());
            for (int i = 0; i < list.size(); i++) {
                JsonObject entry = list.getJsonObject(i);
                String typed = entry.getString("name");
                Username name = new Username(typed);
                String earlier = typedNames.putIfAbsent(name, typed);
                if (earlier != null) {
                    // Names were case-sensitive in earlier versions: two accounts there may be one name here.
                    throw new IOException(path + ": the users '" + earlier + "' and '" + typed
                            + "' are one name now that names ignore case (" + name + "). Rename or remove one of them in the file, then start again.");
                }
                String hash = entry.getString("password");
                if (hash == null || hash.isBlank()) {
                    throw new IOException(path + ": user number " + (i + 1) + " has no password hash");
                }
                // A file from before credential versions: every user is at version 1 until changed.
                long version = Long.parseLong(entry.getString("version", "1"));
                SortedSet<Group> groups = new TreeSet<>();
                entry.getJsonArray("groups", new JsonArray()).forEach(group -> groups.add(new Group((String) group)));
                UserProfile profile = new UserProfile(name, groups, Optional.ofNullable(entry.getString("displayName")),
                        Optional.ofNullable(entry.getString("email")));
                Set<String> recoveryCodes = new java.util.HashSet<>();
                entry.getJsonArray("recoveryCodes", new JsonArray()).forEach(code -> recoveryCodes.add((String) code));
                // The authenticator secret stays sealed here: only the directory, with the server secret, opens it.
                java.util.List<TrustedBrowser> trusted = new java.util.ArrayList<>();
                entry.getJsonArray("trustedBrowsers", new JsonArray()).forEach(browser -> trusted.add(trusted((JsonObject) browser)));
                java.util.List<Passkey> passkeys = new java.util.ArrayList<>();
                entry.getJsonArray("passkeys", new JsonArray()).forEach(passkey -> passkeys.add(passkey((JsonObject) passkey)));
                UserRecord.Factors factors = new UserRecord.Factors(Optional.ofNullable(entry.getString("totp")),
                        Long.parseLong(entry.getString("totpLastStep", "-1")), recoveryCodes, trusted, passkeys);
                users.put(name, new UserRecord(profile, hash, entry.getBoolean("disabled", false), version, factors));
            }
        } catch (DecodeException broken) {
            throw new IOException(path + " is not valid JSON" + where(broken) + ". " + RECOVERY);
        } catch (ClassCastException | IllegalArgumentException broken) {
            throw new IOException(path + " does not hold users as Gatehouse writes them (" + broken.getMessage() + "). " + RECOVERY);
        }
        return users;
    }

    private static JsonObject trusted(TrustedBrowser browser) {
        return new JsonObject().put("hash", browser.tokenHash()).put("label", browser.label()).put("since", browser.since().toString())
                .put("until", browser.until().toString());
    }

    private static TrustedBrowser trusted(JsonObject entry) {
        return new TrustedBrowser(entry.getString("hash"), entry.getString("label", ""), java.time.Instant.parse(entry.getString("since")),
                java.time.Instant.parse(entry.getString("until")));
    }

    private static JsonObject passkey(Passkey passkey) {
        JsonObject entry = new JsonObject().put("id", passkey.credentialId()).put("publicKey", passkey.publicKey()).put("aaguid", passkey.aaguid())
                .put("signCount", passkey.signCount()).put("name", passkey.name()).put("added", passkey.addedAt().toString());
        passkey.lastUsedAt().ifPresent(used -> entry.put("lastUsed", used.toString()));
        return entry;
    }

    private static Passkey passkey(JsonObject entry) {
        return new Passkey(entry.getString("id"), entry.getString("publicKey"), entry.getString("aaguid", ""), entry.getLong("signCount", 0L),
                entry.getString("name", ""), java.time.Instant.parse(entry.getString("added")),
                Optional.ofNullable(entry.getString("lastUsed")).map(java.time.Instant::parse));
    }
}
