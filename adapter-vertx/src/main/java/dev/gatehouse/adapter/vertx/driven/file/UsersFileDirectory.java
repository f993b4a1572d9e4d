package dev.gatehouse.adapter.vertx.driven.file;

import dev.gatehouse.adapter.vertx.driven.UserRecord;
import dev.gatehouse.adapter.vertx.driven.hashing.PasswordHashing;
import dev.gatehouse.adapter.vertx.driven.hashing.HashingThreads;
import dev.gatehouse.adapter.vertx.driven.UserDirectory;
import dev.gatehouse.domain.Authentication;
import dev.gatehouse.domain.Credentials;
import dev.gatehouse.domain.Password;
import dev.gatehouse.domain.UserSummary;
import dev.gatehouse.domain.Group;
import dev.gatehouse.domain.UserProfile;
import dev.gatehouse.domain.Username;
import dev.gatehouse.domain.Passkey;
import dev.gatehouse.domain.TrustedBrowser;
import dev.gatehouse.domain.SecondFactors;
import dev.gatehouse.domain.secondfactor.TotpSecret;
import dev.gatehouse.adapter.vertx.driven.sealing.SecretSealer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Optional;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Predicate;

/**
 * The embedded user directory: users and password hashes in a file ({@link UsersFile}). Hashing
 * and file work run on a dedicated worker pool, never on an event loop. The file is re-read
 * whenever it has changed on disk, so users added by {@code gatehouse users add} in another
 * process can log in without a restart. An unknown or disabled user costs the same hash check as
 * a known one, so the time taken tells nothing.
 */
public final class UsersFileDirectory implements UserDirectory {

    private static final Logger LOG = LoggerFactory.getLogger(UsersFileDirectory.class);

    private final HashingThreads workers;
    private final UsersFile file;
    private final PasswordHashing hashing;
    /** A hash no password matches, checked for unknown users so they cost as much as known ones. */
    private final String dummyHash;

    /** The users as last read; replaced whole, so readers on other threads see one version or the next. */
    private volatile Map<Username, UserRecord> cached = Map.of();
    private final Optional<SecretSealer> sealer;
    private Object cachedVersion;
    private boolean damaged;

    public UsersFileDirectory(Path usersFile, PasswordHashing hashing, int hashingThreads) {
        this(usersFile, hashing, hashingThreads, Optional.empty());
    }

    /** @param sealer what seals and opens the authenticator secrets: the server secret's; without it, they can be neither kept nor read */
    public UsersFileDirectory(Path usersFile, PasswordHashing hashing, int hashingThreads, Optional<SecretSealer> sealer) {
        this.sealer = sealer;
        this.workers = new HashingThreads(hashingThreads);
        this.file = new UsersFile(usersFile);
        this.hashing = hashing;
        this.dummyHash = hashing.unmatchableHash();
        try {
            current();
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
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
                upgradeIfWeak(user, credentials.password());
                return new Authentication.Authenticated(user.username(), user.credentialVersion());
            }
            return new Authentication.Rejected();
        });
    }

    @Override
    public CompletionStage<Boolean> addIfAbsent(UserProfile profile, Password password) {
        return workers.run(() -> {
            String hash = hashing.hash(password);
            return change(users -> users.putIfAbsent(profile.user(), UserRecord.created(profile, hash)) == null);
        });
    }

    @Override
    public CompletionStage<Boolean> changeGroups(Username username, Set<Group> add, Set<Group> remove) {
        return workers.run(() -> change(users -> users.computeIfPresent(username, (name, user) -> user.withGroupsChanged(add, remove)) != null));
    }

    @Override
    public CompletionStage<Boolean> changePassword(Username username, Password password) {
        return workers.run(() -> {
            String hash = hashing.hash(password);
            return change(users -> users.computeIfPresent(username, (name, user) -> user.withPassword(hash)) != null);
        });
    }

    @Override
    public CompletionStage<Boolean> setDisabled(Username username, boolean disabled) {
        return workers.run(() -> change(users ->
                users.computeIfPresent(username, (name, user) -> user.withDisabled(disabled)) != null));
    }

    @Override
    public CompletionStage<Boolean> remove(Username username) {
        return workers.run(() -> change(users -> users.remove(username) != null));
    }

    @Override
    public CompletionStage<List<UserSummary>> list() {
        return workers.run(() -> current().values().stream()
                .map(UserRecord::summary)
                .toList());
    }

    /**
     * After a good login, a hash made with weaker parameters than today's is replaced by one made
     * with today's (S18), while the password is at hand. The credential version stays: the
     * password is the same, so no session ends. If the entry changed meanwhile (another process
     * set a new password), it is left alone.
     */
    private void upgradeIfWeak(UserRecord user, Password password) throws IOException {
        if (!hashing.isWeakerThanCurrent(user.passwordHash())) {
            return;
        }
        String stronger = hashing.hash(password);
        change(users -> users.computeIfPresent(user.username(), (name, now) ->
                now.passwordHash().equals(user.passwordHash()) ? now.withUpgradedHash(stronger) : now) != null);
    }

    @Override
    public CompletionStage<Optional<SecondFactors>> secondFactors(Username user) {
        return workers.run(() -> Optional.ofNullable(current().get(user)).map(record -> opened(record)));
    }

    @Override
    public CompletionStage<Boolean> enrol(Username user, TotpSecret secret, Set<String> recoveryCodeHashes) {
        return workers.run(() -> {
            String sealed = SecretSealer.required(sealer).sealTotp(secret, user);
            return change(users -> users.computeIfPresent(user, (name, record) ->
                    record.withFactors(record.factors().enrolled(sealed, recoveryCodeHashes))) != null);
        });
    }

    @Override
    public CompletionStage<Boolean> replaceRecoveryCodes(Username user, Set<String> recoveryCodeHashes) {
        return workers.run(() -> change(users -> users.computeIfPresent(user, (name, record) -> record.withFactors(
                record.factors().withRecoveryCodes(recoveryCodeHashes))) != null));
    }

    /** Under the file's lock, as every change: two processes using one code at once record it once. */
    @Override
    public CompletionStage<Boolean> useStep(Username user, long step) {
        return changeUser(user, record -> record.factors().sealedTotp().isPresent() && step > record.factors().lastUsedStep()
                ? Optional.of(record.withFactors(record.factors().withLastUsedStep(step))) : Optional.empty());
    }

    @Override
    public CompletionStage<Boolean> useRecoveryCode(Username user, String hash) {
        return changeUser(user, record -> {
            if (!record.factors().recoveryCodeHashes().contains(hash)) {
                return Optional.empty();
            }
            Set<String> left = new HashSet<>(record.factors().recoveryCodeHashes());
            left.remove(hash);
            return Optional.of(record.withFactors(record.factors().withRecoveryCodes(left)));
        });
    }

    @Override
    public CompletionStage<Boolean> trustBrowser(Username user, TrustedBrowser browser, Instant now) {
        return workers.run(() -> change(users -> users.computeIfPresent(user, (name, record) -> record.withFactors(record.factors()
                .withTrustedBrowsers(SecondFactors.withTrusted(record.factors().trustedBrowsers(), browser, now)))) != null));
    }

    @Override
    public CompletionStage<Boolean> forgetBrowser(Username user, String tokenHash) {
        return changeUser(user, record -> record.factors().trustedBrowsers().stream().anyMatch(browser -> browser.tokenHash().equals(tokenHash))
                ? Optional.of(record.withFactors(record.factors().withTrustedBrowsers(record.factors().trustedBrowsers().stream()
                        .filter(browser -> !browser.tokenHash().equals(tokenHash)).toList()))) : Optional.empty());
    }

    /** Under the file's lock, as every change: a credential id is one passkey's, of one user. */
    @Override
    public CompletionStage<Boolean> addPasskey(Username user, Passkey passkey) {
        return workers.run(() -> {
            boolean[] added = {false};
            change(users -> {
                UserRecord record = users.get(user);
                boolean taken = users.values().stream().anyMatch(any -> any.factors().passkeys().stream()
                        .anyMatch(known -> known.credentialId().equals(passkey.credentialId())));
                if (record != null && !taken) {
                    List<Passkey> more = new java.util.ArrayList<>(record.factors().passkeys());
                    more.add(passkey);
                    users.put(user, record.withFactors(record.factors().withPasskeys(more)));
                    added[0] = true;
                }
                return true;
            });
            return added[0];
        });
    }

    @Override
    public CompletionStage<Boolean> usePasskey(Username user, String credentialId, long signCount, Instant when) {
        return changePasskey(user, credentialId, passkey -> passkey.acceptsCount(signCount) ? Optional.of(passkey.used(signCount, when)) : Optional.empty());
    }

    @Override
    public CompletionStage<Boolean> renamePasskey(Username user, String credentialId, String name) {
        return changePasskey(user, credentialId, passkey -> Optional.of(passkey.renamed(name)));
    }

    @Override
    public CompletionStage<Boolean> removePasskey(Username user, String credentialId) {
        return changeUser(user, record -> record.factors().passkeys().stream().anyMatch(passkey -> passkey.credentialId().equals(credentialId))
                ? Optional.of(record.withFactors(record.factors().withPasskeys(record.factors().passkeys().stream()
                        .filter(passkey -> !passkey.credentialId().equals(credentialId)).toList()))) : Optional.empty());
    }

    /** One passkey changed as {@code change} says, if it says so; under the file's lock. */
    private CompletionStage<Boolean> changePasskey(Username user, String credentialId, java.util.function.Function<Passkey, Optional<Passkey>> change) {
        return changeUser(user, record -> record.factors().passkeys().stream().filter(passkey -> passkey.credentialId().equals(credentialId))
                .findFirst().flatMap(change).map(changed -> record.withFactors(record.factors().withPasskeys(record.factors().passkeys().stream()
                        .map(passkey -> passkey.credentialId().equals(credentialId) ? changed : passkey).toList()))));
    }

    /**
     * One user's record changed under the file's lock (so that two processes racing change it
     * once), when {@code change} gives a new one; whether it did.
     */
    private CompletionStage<Boolean> changeUser(Username user, java.util.function.Function<UserRecord, Optional<UserRecord>> change) {
        return workers.run(() -> {
            boolean[] changed = {false};
            change(users -> {
                UserRecord record = users.get(user);
                Optional<UserRecord> after = record == null ? Optional.empty() : change.apply(record);
                after.ifPresent(updated -> {
                    users.put(user, updated);
                    changed[0] = true;
                });
                return true;
            });
            return changed[0];
        });
    }

    /** From memory, as the greeting's answers are: a passkey login asks it before any password. */
    @Override
    public CompletionStage<Optional<Username>> ownerOfPasskey(String credentialId) {
        return CompletableFuture.completedFuture(cached.values().stream()
                .filter(record -> !record.disabled() && record.factors().passkeys().stream().anyMatch(passkey -> passkey.credentialId().equals(credentialId)))
                .map(UserRecord::username).findFirst());
    }

    @Override
    public CompletionStage<Boolean> reset(Username user) {
        return workers.run(() -> change(users -> users.computeIfPresent(user, (name, record) -> record.withFactorsReset()) != null));
    }

    private SecondFactors opened(UserRecord record) {
        UserRecord.Factors factors = record.factors();
        Optional<TotpSecret> totp = factors.sealedTotp()
                .map(sealed -> SecretSealer.required(sealer).openTotp(sealed, record.username(), file.path().toString()));
        return new SecondFactors(totp, factors.lastUsedStep(), factors.recoveryCodeHashes(), factors.trustedBrowsers(), factors.passkeys());
    }

    /** From memory, never from the file: this is asked on every forwarded request, on an event loop. */
    @Override
    public CompletionStage<Optional<UserProfile>> profile(Username user) {
        UserRecord record = cached.get(user);
        return CompletableFuture.completedFuture(record == null || record.disabled() ? Optional.empty() : Optional.of(record.profile()));
    }

    /** From memory, never from the file: this is asked on every greeting, on an event loop. */
    @Override
    public CompletionStage<OptionalLong> current(Username user) {
        UserRecord record = cached.get(user);
        return CompletableFuture.completedFuture(record == null || record.disabled()
                ? OptionalLong.empty() : OptionalLong.of(record.credentialVersion()));
    }

    /** Reads the file again if it has changed (off the event loop), so that {@code gatehouse users ...} in another process counts here. */
    @Override
    public CompletionStage<Void> refresh() {
        return workers.run(() -> {
            current();
            return null;
        });
    }

    /** Applies a change to the users file under its lock; answers whether the change found its user. Blocking. */
    private boolean change(Predicate<Map<Username, UserRecord>> change) throws IOException {
        boolean[] found = {false};
        file.update(users -> {
            found[0] = change.test(users);
            return users;
        });
        current();
        return found[0];
    }

    /**
     * The users as the file holds them now, in file order: re-read when its size, time or identity
     * changed. A file that cannot be read at start is an error; one that turns unreadable, damaged
     * or missing while the server runs leaves the last good copy in use, with one error logged for
     * it (as a server refuses a bad configuration reload), so logins go on. Blocking.
     */
    private synchronized Map<Username, UserRecord> current() throws IOException {
        Object version;
        try {
            BasicFileAttributes attributes = Files.readAttributes(file.path(), BasicFileAttributes.class);
            version = List.of(attributes.lastModifiedTime(), attributes.size(), Objects.toString(attributes.fileKey()));
        } catch (NoSuchFileException absent) {
            version = "absent";
        }
        if (version.equals(cachedVersion)) {
            return cached;
        }
        boolean running = cachedVersion != null;
        try {
            if (running && version.equals("absent")) {
                throw new NoSuchFileException(file.path().toString(), null, "missing");
            }
            cached = Collections.unmodifiableMap(file.read());
            if (damaged) {
                LOG.info("{} can be read again: logins use it from now on", file.path());
                damaged = false;
            }
        } catch (IOException unreadable) {
            if (!running) {
                throw unreadable;
            }
            LOG.error("{} cannot be read ({}): logins go on with the {} users read before; mend the file, or restore it from a backup",
                    file.path(), unreadable.getMessage(), cached.size());
            damaged = true;
        }
        // Remembered even when broken, so each broken version is reported once, not at every login.
        cachedVersion = version;
        return cached;
    }
}
