package dev.gatehouse.adapter.vertx.driven.postgres;

import dev.gatehouse.adapter.vertx.driven.UserRecord;
import dev.gatehouse.adapter.vertx.driven.hashing.HashingThreads;
import dev.gatehouse.adapter.vertx.driven.hashing.PasswordHashing;
import dev.gatehouse.adapter.vertx.driven.UserDirectory;
import dev.gatehouse.domain.Authentication;
import dev.gatehouse.domain.Credentials;
import dev.gatehouse.domain.Password;
import dev.gatehouse.domain.StoreUnavailable;
import dev.gatehouse.domain.Group;
import dev.gatehouse.domain.UserProfile;
import dev.gatehouse.domain.UserSummary;
import dev.gatehouse.domain.Username;
import java.time.Instant;
import io.vertx.core.json.JsonObject;
import io.vertx.core.json.JsonArray;
import dev.gatehouse.domain.Passkey;
import dev.gatehouse.domain.TrustedBrowser;
import dev.gatehouse.domain.SecondFactors;
import dev.gatehouse.domain.secondfactor.TotpSecret;
import dev.gatehouse.adapter.vertx.driven.sealing.SecretSealer;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * The shared user directory: users in a PostgreSQL table, with the same PHC hashes, password
 * policy and credential versions as the users file, for several servers at once. Queries run on
 * the Vert.x PostgreSQL client (never blocking); hashing runs on this directory's own low-priority
 * threads. The table is made at start if it is missing. The credential versions every greeting
 * checks are answered from memory and read again by {@link #refresh()}, which the composition root
 * calls every second, so a change made by another server counts within a second.
 */
public final class PostgresUserDirectory implements UserDirectory {

    private static final Pattern TABLE_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
    private static final long ANSWER_WITHIN_MS = 5_000;
    private static final String STORE = "user directory (PostgreSQL)";

    private final Pool pool;
    private final String table;
    private final PasswordHashing hashing;
    private final HashingThreads workers;
    private final String dummyHash;
    private volatile Map<Username, UserRecord> cached = Map.of();

    private final Optional<SecretSealer> sealer;

    private PostgresUserDirectory(Pool pool, String table, PasswordHashing hashing, int hashingThreads, Optional<SecretSealer> sealer) {
        this.sealer = sealer;
        this.pool = pool;
        this.table = table;
        this.hashing = hashing;
        this.workers = new HashingThreads(hashingThreads);
        this.dummyHash = hashing.unmatchableHash();
    }

    /** Opens the directory: the table is made if missing (idempotent), and the users are read once. */
    public static Future<PostgresUserDirectory> open(Pool pool, String table, PasswordHashing hashing, int hashingThreads) {
        return open(pool, table, hashing, hashingThreads, Optional.empty());
    }

    /** @param sealer what seals and opens the authenticator secrets: the server secret's; without it, they can be neither kept nor read */
    public static Future<PostgresUserDirectory> open(Pool pool, String table, PasswordHashing hashing, int hashingThreads,
                                                     Optional<SecretSealer> sealer) {
        if (!TABLE_NAME.matcher(table).matches()) {
            return Future.failedFuture(new IllegalArgumentException("not a plain table name: " + table));
        }
        PostgresUserDirectory directory = new PostgresUserDirectory(pool, table, hashing, hashingThreads, sealer);
        String schema = "CREATE TABLE IF NOT EXISTS " + table + " ("
                + "name text PRIMARY KEY, "
                + "password_hash text NOT NULL, "
                + "disabled boolean NOT NULL DEFAULT false, "
                + "credential_version bigint NOT NULL)";
        // Tables made before groups and profiles get their columns; adding them again does nothing.
        String profiles = "ALTER TABLE " + table + " ADD COLUMN IF NOT EXISTS groups text[] NOT NULL DEFAULT '{}', "
                + "ADD COLUMN IF NOT EXISTS display_name text, ADD COLUMN IF NOT EXISTS email text, "
                + "ADD COLUMN IF NOT EXISTS totp_secret text, ADD COLUMN IF NOT EXISTS totp_last_step bigint NOT NULL DEFAULT -1, "
                + "ADD COLUMN IF NOT EXISTS recovery_codes text[] NOT NULL DEFAULT '{}', "
                + "ADD COLUMN IF NOT EXISTS trusted_browsers jsonb NOT NULL DEFAULT '[]', "
                + "ADD COLUMN IF NOT EXISTS passkeys jsonb NOT NULL DEFAULT '[]'";
        return pool.query(schema).execute()
                .compose(made -> pool.query(profiles).execute())
                .compose(made -> directory.renameToCanonicalNames())
                .compose(renamed -> Future.fromCompletionStage(directory.refresh())).map(directory);
    }

    /**
     * Names were case-sensitive in earlier versions: a row named {@code Alice} becomes {@code alice},
     * in one transaction, so that every lookup can use the name as {@link Username} writes it. Two
     * rows that are now one name stop the start, naming both, rather than one of them vanishing.
     */
    private Future<Void> renameToCanonicalNames() {
        return pool.withTransaction(connection -> connection.query("SELECT name FROM " + table + " FOR UPDATE").execute().compose(rows -> {
            Map<Username, String> stored = new HashMap<>();
            List<Tuple> renames = new ArrayList<>();
            for (Row row : rows) {
                String name = row.getString("name");
                Username canonical = new Username(name);
                String earlier = stored.putIfAbsent(canonical, name);
                if (earlier != null) {
                    return Future.failedFuture(new IllegalStateException("the users '" + earlier + "' and '" + name + "' in the table " + table
                            + " are one name now that names ignore case (" + canonical + "); rename or remove one of them, then start again"));
                }
                if (!canonical.value().equals(name)) {
                    renames.add(Tuple.of(canonical.value(), name));
                }
            }
            return renames.isEmpty() ? Future.succeededFuture()
                    : connection.preparedQuery("UPDATE " + table + " SET name = $1 WHERE name = $2").executeBatch(renames).<Void>mapEmpty();
        }));
    }

    @Override
    public CompletionStage<Authentication> authenticate(Credentials credentials) {
        return query("SELECT password_hash, disabled, credential_version FROM " + table + " WHERE name = $1",
                Tuple.of(credentials.username().value())).thenCompose(rows -> {
                    Row row = rows.iterator().hasNext() ? rows.iterator().next() : null;
                    UserRecord user = row == null ? null : new UserRecord(UserProfile.of(credentials.username()), row.getString("password_hash"),
                            row.getBoolean("disabled"), row.getLong("credential_version"));
                    return workers.run(() -> {
                        boolean matches = hashing.verify(user == null ? dummyHash : user.passwordHash(), credentials.password());
                        if (!matches || user == null || user.disabled()) {
                            return null;
                        }
                        return hashing.isWeakerThanCurrent(user.passwordHash()) ? hashing.hash(credentials.password()) : "";
                    }).thenCompose(upgrade -> {
                        if (upgrade == null) {
                            return CompletableFuture.completedFuture(new Authentication.Rejected());
                        }
                        Authentication in = new Authentication.Authenticated(user.username(), user.credentialVersion());
                        if (upgrade.isEmpty()) {
                            return CompletableFuture.completedFuture(in);
                        }
                        // The same password hashed with today's parameters; left alone if it changed meanwhile.
                        return query("UPDATE " + table + " SET password_hash = $1 WHERE name = $2 AND password_hash = $3",
                                Tuple.of(upgrade, user.username().value(), user.passwordHash())).thenApply(updated -> in);
                    });
                });
    }

    @Override
    public CompletionStage<Boolean> addIfAbsent(UserProfile profile, Password password) {
        return workers.run(() -> UserRecord.created(profile, hashing.hash(password))).thenCompose(user -> changed(
                "INSERT INTO " + table + " (name, password_hash, disabled, credential_version, groups, display_name, email) "
                        + "VALUES ($1, $2, false, $3, $4, $5, $6) ON CONFLICT (name) DO NOTHING",
                Tuple.of(profile.user().value(), user.passwordHash(), user.credentialVersion(), groupNames(profile.groups()),
                        profile.displayName().orElse(null), profile.email().orElse(null))));
    }

    @Override
    public CompletionStage<Boolean> changeGroups(Username username, Set<Group> add, Set<Group> remove) {
        // One statement, so that two changes at once both count; EXCEPT also drops duplicates, and the result is sorted.
        return changed("UPDATE " + table + " SET groups = ARRAY(SELECT g FROM unnest(groups || $1::text[]) AS g "
                + "EXCEPT SELECT unnest($2::text[]) ORDER BY 1) WHERE name = $3", Tuple.of(groupNames(add), groupNames(remove), username.value()));
    }

    private static String[] groupNames(Set<Group> groups) {
        return new TreeSet<>(groups).stream().map(Group::name).toArray(String[]::new);
    }

    private static UserProfile profile(Username name, Row row) {
        SortedSet<Group> groups = new TreeSet<>();
        for (String group : row.getArrayOfStrings("groups")) {
            groups.add(new Group(group));
        }
        return new UserProfile(name, groups, Optional.ofNullable(row.getString("display_name")), Optional.ofNullable(row.getString("email")));
    }

    @Override
    public CompletionStage<Boolean> changePassword(Username username, Password password) {
        return workers.run(() -> hashing.hash(password)).thenCompose(hash -> changed(
                "UPDATE " + table + " SET password_hash = $1, credential_version = $2 WHERE name = $3",
                Tuple.of(hash, UserRecord.freshVersion(), username.value())));
    }

    @Override
    public CompletionStage<Boolean> setDisabled(Username username, boolean disabled) {
        // Disabling draws a new version, as in the users file: sessions from before stay ended after enabling.
        long newVersion = UserRecord.freshVersion();
        return changed("UPDATE " + table + " SET credential_version = CASE WHEN $1 AND NOT disabled THEN $2 ELSE credential_version END, "
                + "disabled = $1 WHERE name = $3", Tuple.of(disabled, newVersion, username.value()));
    }

    @Override
    public CompletionStage<Boolean> remove(Username username) {
        return changed("DELETE FROM " + table + " WHERE name = $1", Tuple.of(username.value()));
    }

    @Override
    public CompletionStage<List<UserSummary>> list() {
        return query("SELECT name, disabled, groups, display_name, email FROM " + table + " ORDER BY name", Tuple.tuple()).thenApply(rows -> {
            List<UserSummary> users = new ArrayList<>();
            rows.forEach(row -> {
                Username name = new Username(row.getString("name"));
                users.add(new UserSummary(name, row.getBoolean("disabled"), profile(name, row).groups()));
            });
            return users;
        });
    }

    @Override
    public CompletionStage<Optional<SecondFactors>> secondFactors(Username user) {
        return query("SELECT totp_secret, totp_last_step, recovery_codes, trusted_browsers, passkeys FROM " + table + " WHERE name = $1",
                Tuple.of(user.value()))
                .thenApply(rows -> {
                    if (!rows.iterator().hasNext()) {
                        return Optional.<SecondFactors>empty();
                    }
                    Row row = rows.iterator().next();
                    Optional<TotpSecret> totp = Optional.ofNullable(row.getString("totp_secret"))
                            .map(sealed -> SecretSealer.required(sealer).openTotp(sealed, user, "the table " + table));
                    List<TrustedBrowser> trusted = new ArrayList<>();
                    ((JsonArray) row.getValue("trusted_browsers")).forEach(entry -> trusted.add(trusted((JsonObject) entry)));
                    List<Passkey> passkeys = new ArrayList<>();
                    ((JsonArray) row.getValue("passkeys")).forEach(entry -> passkeys.add(passkey((JsonObject) entry)));
                    return Optional.of(new SecondFactors(totp, row.getLong("totp_last_step"), Set.of(row.getArrayOfStrings("recovery_codes")), trusted,
                            passkeys));
                });
    }

    @Override
    public CompletionStage<Boolean> enrol(Username user, TotpSecret secret, Set<String> recoveryCodeHashes) {
        String sealed;
        try {
            sealed = SecretSealer.required(sealer).sealTotp(secret, user);
        } catch (IllegalStateException unsealable) {
            return CompletableFuture.failedFuture(unsealable);
        }
        return changed("UPDATE " + table + " SET totp_secret = $1, totp_last_step = -1, recovery_codes = $2 WHERE name = $3",
                Tuple.of(sealed, recoveryCodeHashes.toArray(String[]::new), user.value()));
    }

    @Override
    public CompletionStage<Boolean> replaceRecoveryCodes(Username user, Set<String> recoveryCodeHashes) {
        return changed("UPDATE " + table + " SET recovery_codes = $1 WHERE name = $2", Tuple.of(recoveryCodeHashes.toArray(String[]::new), user.value()));
    }

    /** One conditional UPDATE: of two servers using one code at once, one finds the row to change. */
    @Override
    public CompletionStage<Boolean> useStep(Username user, long step) {
        return query("UPDATE " + table + " SET totp_last_step = $1 WHERE name = $2 AND totp_secret IS NOT NULL AND totp_last_step < $1",
                Tuple.of(step, user.value())).thenApply(rows -> rows.rowCount() == 1);
    }

    @Override
    public CompletionStage<Boolean> useRecoveryCode(Username user, String hash) {
        return query("UPDATE " + table + " SET recovery_codes = array_remove(recovery_codes, $1) WHERE name = $2 AND $1 = ANY(recovery_codes)",
                Tuple.of(hash, user.value())).thenApply(rows -> rows.rowCount() == 1);
    }

    /**
     * In one statement, so that two at once both count: the new browser first, then the others
     * still trusted, newest first, up to the most a user keeps. Times are epoch milliseconds, the
     * clock's own, never the database's.
     */
    @Override
    public CompletionStage<Boolean> trustBrowser(Username user, TrustedBrowser browser, Instant now) {
        return query("UPDATE " + table + " SET trusted_browsers = (SELECT coalesce(jsonb_agg(e ORDER BY (e->>'since')::bigint DESC), '[]'::jsonb) "
                        + "FROM (SELECT e FROM jsonb_array_elements(jsonb_build_array($2::jsonb) || trusted_browsers) e "
                        + "WHERE (e->>'until')::bigint > $3 ORDER BY (e->>'since')::bigint DESC LIMIT " + TrustedBrowser.MAX_PER_USER + ") kept) "
                        + "WHERE name = $1",
                Tuple.of(user.value(), trusted(browser), now.toEpochMilli())).thenApply(rows -> rows.rowCount() == 1);
    }

    @Override
    public CompletionStage<Boolean> forgetBrowser(Username user, String tokenHash) {
        return query("UPDATE " + table + " SET trusted_browsers = (SELECT coalesce(jsonb_agg(e), '[]'::jsonb) "
                        + "FROM jsonb_array_elements(trusted_browsers) e WHERE e->>'hash' <> $2) "
                        + "WHERE name = $1 AND EXISTS (SELECT 1 FROM jsonb_array_elements(trusted_browsers) e WHERE e->>'hash' = $2)",
                Tuple.of(user.value(), tokenHash)).thenApply(rows -> rows.rowCount() == 1);
    }

    @Override
    public CompletionStage<Boolean> addPasskey(Username user, Passkey passkey) {
        return query("UPDATE " + table + " SET passkeys = passkeys || jsonb_build_array($2::jsonb) WHERE name = $1 AND NOT EXISTS "
                        + "(SELECT 1 FROM " + table + " other, jsonb_array_elements(other.passkeys) p WHERE p->>'id' = $3)",
                Tuple.of(user.value(), passkey(passkey), passkey.credentialId())).thenApply(rows -> rows.rowCount() == 1);
    }

    /** One statement, its condition checked again on the row as it stands when its turn comes: two uses of one counter record one. */
    @Override
    public CompletionStage<Boolean> usePasskey(Username user, String credentialId, long signCount, Instant when) {
        return query("UPDATE " + table + " SET passkeys = (SELECT jsonb_agg(CASE WHEN p->>'id' = $2 THEN p || jsonb_build_object('signCount', $3::bigint, "
                        + "'lastUsed', $4::bigint) ELSE p END ORDER BY n) FROM jsonb_array_elements(passkeys) WITH ORDINALITY AS x(p, n)) "
                        + "WHERE name = $1 AND EXISTS (SELECT 1 FROM jsonb_array_elements(passkeys) p WHERE p->>'id' = $2 "
                        + "AND ($3::bigint > (p->>'signCount')::bigint OR ($3::bigint = 0 AND (p->>'signCount')::bigint = 0)))",
                Tuple.of(user.value(), credentialId, signCount, when.toEpochMilli())).thenApply(rows -> rows.rowCount() == 1);
    }

    @Override
    public CompletionStage<Boolean> renamePasskey(Username user, String credentialId, String name) {
        return query("UPDATE " + table + " SET passkeys = (SELECT jsonb_agg(CASE WHEN p->>'id' = $2 THEN p || jsonb_build_object('name', $3::text) "
                        + "ELSE p END ORDER BY n) FROM jsonb_array_elements(passkeys) WITH ORDINALITY AS x(p, n)) "
                        + "WHERE name = $1 AND EXISTS (SELECT 1 FROM jsonb_array_elements(passkeys) p WHERE p->>'id' = $2)",
                Tuple.of(user.value(), credentialId, name)).thenApply(rows -> rows.rowCount() == 1);
    }

    @Override
    public CompletionStage<Boolean> removePasskey(Username user, String credentialId) {
        return query("UPDATE " + table + " SET passkeys = (SELECT coalesce(jsonb_agg(p ORDER BY n), '[]'::jsonb) "
                        + "FROM jsonb_array_elements(passkeys) WITH ORDINALITY AS x(p, n) WHERE p->>'id' <> $2) "
                        + "WHERE name = $1 AND EXISTS (SELECT 1 FROM jsonb_array_elements(passkeys) p WHERE p->>'id' = $2)",
                Tuple.of(user.value(), credentialId)).thenApply(rows -> rows.rowCount() == 1);
    }

    @Override
    public CompletionStage<Optional<Username>> ownerOfPasskey(String credentialId) {
        return query("SELECT name FROM " + table + ", jsonb_array_elements(passkeys) p WHERE p->>'id' = $1 AND NOT disabled LIMIT 1",
                Tuple.of(credentialId)).thenApply(rows -> rows.iterator().hasNext()
                ? Optional.of(new Username(rows.iterator().next().getString("name"))) : Optional.<Username>empty());
    }

    private static JsonObject passkey(Passkey passkey) {
        JsonObject entry = new JsonObject().put("id", passkey.credentialId()).put("publicKey", passkey.publicKey()).put("aaguid", passkey.aaguid())
                .put("signCount", passkey.signCount()).put("name", passkey.name()).put("added", passkey.addedAt().toEpochMilli());
        passkey.lastUsedAt().ifPresent(used -> entry.put("lastUsed", used.toEpochMilli()));
        return entry;
    }

    private static Passkey passkey(JsonObject entry) {
        return new Passkey(entry.getString("id"), entry.getString("publicKey"), entry.getString("aaguid", ""), entry.getLong("signCount", 0L),
                entry.getString("name", ""), Instant.ofEpochMilli(entry.getLong("added")),
                Optional.ofNullable(entry.getLong("lastUsed")).map(Instant::ofEpochMilli));
    }

    private static JsonObject trusted(TrustedBrowser browser) {
        return new JsonObject().put("hash", browser.tokenHash()).put("label", browser.label()).put("since", browser.since().toEpochMilli())
                .put("until", browser.until().toEpochMilli());
    }

    private static TrustedBrowser trusted(JsonObject entry) {
        return new TrustedBrowser(entry.getString("hash"), entry.getString("label", ""), Instant.ofEpochMilli(entry.getLong("since")),
                Instant.ofEpochMilli(entry.getLong("until")));
    }

    @Override
    public CompletionStage<Boolean> reset(Username user) {
        return changed("UPDATE " + table + " SET totp_secret = NULL, totp_last_step = -1, recovery_codes = '{}', trusted_browsers = '[]', passkeys = '[]', "
                + "credential_version = $2 WHERE name = $1",
                Tuple.of(user.value(), UserRecord.freshVersion()));
    }

    /** From memory, never from the database: this is asked on every forwarded request. */
    @Override
    public CompletionStage<Optional<UserProfile>> profile(Username user) {
        UserRecord record = cached.get(user);
        return CompletableFuture.completedFuture(record == null || record.disabled() ? Optional.empty() : Optional.of(record.profile()));
    }

    /** From memory, never from the database: this is asked on every greeting. */
    @Override
    public CompletionStage<OptionalLong> current(Username user) {
        UserRecord record = cached.get(user);
        return CompletableFuture.completedFuture(record == null || record.disabled()
                ? OptionalLong.empty() : OptionalLong.of(record.credentialVersion()));
    }

    /** Reads every user's state again, so that changes made by other servers and terminals count here. */
    @Override
    public CompletionStage<Void> refresh() {
        return query("SELECT name, disabled, credential_version, groups, display_name, email FROM " + table, Tuple.tuple()).thenApply(rows -> {
            Map<Username, UserRecord> users = new HashMap<>();
            rows.forEach(row -> {
                Username name = new Username(row.getString("name"));
                users.put(name, new UserRecord(profile(name, row), "", row.getBoolean("disabled"), row.getLong("credential_version")));
            });
            cached = Map.copyOf(users);
            return null;
        });
    }

    /** Runs a change; true when it found its user. What this server changed counts here at once. */
    private CompletionStage<Boolean> changed(String sql, Tuple arguments) {
        return query(sql, arguments).thenCompose(rows -> refresh().thenApply(done -> rows.rowCount() > 0));
    }

    private CompletionStage<RowSet<Row>> query(String sql, Tuple arguments) {
        return pool.preparedQuery(sql).execute(arguments)
                .timeout(ANSWER_WITHIN_MS, TimeUnit.MILLISECONDS)
                .recover(failure -> Future.failedFuture(new StoreUnavailable(STORE, failure)))
                .toCompletionStage();
    }
}
