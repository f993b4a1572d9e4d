package dev.gatehouse.adapter.vertx.users;

import dev.gatehouse.domain.Authentication;
import dev.gatehouse.domain.AuthenticationService;
import dev.gatehouse.domain.Credentials;
import dev.gatehouse.domain.Password;
import dev.gatehouse.domain.UserAccounts;
import dev.gatehouse.domain.UserSummary;
import dev.gatehouse.domain.Username;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletionStage;
import java.util.function.Predicate;

/**
 * The embedded user directory: users and password hashes in a file ({@link UsersFile}). Hashing
 * and file work run on a dedicated worker pool, never on an event loop. The file is re-read
 * whenever it has changed on disk, so users added by {@code gatehouse users add} in another
 * process can log in without a restart. An unknown or disabled user costs the same hash check as
 * a known one, so the time taken tells nothing.
 */
public final class UsersFileDirectory implements AuthenticationService, UserAccounts {

    private final HashingThreads workers;
    private final UsersFile file;
    private final PasswordHashing hashing;
    /** A hash no password matches, checked for unknown users so they cost as much as known ones. */
    private final String dummyHash;

    private Map<Username, UserRecord> cached = Map.of();
    private Object cachedVersion;

    public UsersFileDirectory(Path usersFile, PasswordHashing hashing, int hashingThreads) {
        this.workers = new HashingThreads(hashingThreads);
        this.file = new UsersFile(usersFile);
        this.hashing = hashing;
        this.dummyHash = hashing.unmatchableHash();
    }

    public Path path() {
        return file.path();
    }

    @Override
    public CompletionStage<Authentication> authenticate(Credentials credentials) {
        return workers.<Authentication>run(() -> {
            UserRecord user = current().get(credentials.username());
            String hash = user == null ? dummyHash : user.passwordHash();
            boolean matches = hashing.verify(hash, credentials.password());
            if (matches && user != null && !user.disabled()) {
                return new Authentication.Authenticated(user.username());
            }
            return new Authentication.Rejected();
        });
    }

    @Override
    public CompletionStage<Boolean> addIfAbsent(Username username, Password password) {
        return workers.run(() -> {
            String hash = hashing.hash(password);
            return change(users -> users.putIfAbsent(username, new UserRecord(username, hash, false)) == null);
        });
    }

    @Override
    public CompletionStage<Boolean> changePassword(Username username, Password password) {
        return workers.run(() -> {
            String hash = hashing.hash(password);
            return change(users -> users.computeIfPresent(username, (name, user) -> new UserRecord(name, hash, user.disabled())) != null);
        });
    }

    @Override
    public CompletionStage<Boolean> setDisabled(Username username, boolean disabled) {
        return workers.run(() -> change(users ->
                users.computeIfPresent(username, (name, user) -> new UserRecord(name, user.passwordHash(), disabled)) != null));
    }

    @Override
    public CompletionStage<Boolean> remove(Username username) {
        return workers.run(() -> change(users -> users.remove(username) != null));
    }

    @Override
    public CompletionStage<List<UserSummary>> list() {
        return workers.run(() -> current().values().stream()
                .map(user -> new UserSummary(user.username(), user.disabled()))
                .toList());
    }

    /** Applies a change to the users file under its lock; answers whether the change found its user. Blocking. */
    private boolean change(Predicate<Map<Username, UserRecord>> change) throws IOException {
        boolean[] found = {false};
        file.update(users -> {
            found[0] = change.test(users);
            return users;
        });
        return found[0];
    }

    /** The users as the file holds them now, in file order: re-read when its size, time or identity changed. Blocking. */
    private synchronized Map<Username, UserRecord> current() throws IOException {
        Object version;
        try {
            BasicFileAttributes attributes = Files.readAttributes(file.path(), BasicFileAttributes.class);
            version = List.of(attributes.lastModifiedTime(), attributes.size(), Objects.toString(attributes.fileKey()));
        } catch (NoSuchFileException absent) {
            version = "absent";
        }
        if (!version.equals(cachedVersion)) {
            cached = Collections.unmodifiableMap(file.read());
            cachedVersion = version;
        }
        return cached;
    }
}
