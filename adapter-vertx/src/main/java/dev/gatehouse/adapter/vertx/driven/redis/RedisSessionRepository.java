package dev.gatehouse.adapter.vertx.driven.redis;

import dev.gatehouse.adapter.vertx.driven.EpochNanos;
import dev.gatehouse.adapter.vertx.driven.redis.RedisAnswers;
import dev.gatehouse.domain.Channel;
import dev.gatehouse.domain.CsrfToken;
import dev.gatehouse.domain.Session;
import dev.gatehouse.domain.SessionEnd;
import dev.gatehouse.domain.SessionId;
import dev.gatehouse.domain.SessionPolicy;
import dev.gatehouse.domain.SessionRepository;
import dev.gatehouse.domain.SessionSummary;
import dev.gatehouse.domain.Username;
import io.vertx.core.Future;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionStage;

/**
 * Sessions in Redis, shared by every server that points at it (several servers behind one load
 * balancer, and the terminal commands). A session is a hash under the SHA-256 of its id (the id
 * itself is never stored), one field per value, so changing one attribute or recording activity
 * writes only that field and two servers never undo each other's change. Redis expires the hash
 * when the idle timeout passes (its TTL moves with each touch, and never beyond the absolute
 * deadline, which the session keeps). A set per user indexes the user's sessions, so they can be
 * listed and ended together. Reading a session is one round trip.
 *
 * <p>The same keys work in a Redis Cluster. What one transaction or script touches shares a hash
 * slot: a session's hash and the note of how it ended carry its hashed id as a hash tag
 * ({@code session:{HASH}}). The user's index cannot share that slot (a session is found by its
 * id alone), so it is written before the session and cleaned after it: a session is never
 * missing from its user's index, which is what ending all of a user's sessions relies on, and an
 * entry whose session is gone is dropped when the index is read.
 */
public final class RedisSessionRepository implements SessionRepository {

    private static final String USER = "user";
    private static final String VERSION = "version";
    private static final String CHANNEL = "channel";
    private static final String DEVICE = "device";
    private static final String CSRF = "csrf";
    private static final String CREATED = "created";
    private static final String SEEN = "seen";
    private static final String ATTRIBUTE = "a:";

    /**
     * Moves "seen" forward only (the numbers are compared as decimal strings: Lua's numbers are
     * doubles, too coarse for nanoseconds) and the TTL with it, never past the absolute deadline.
     * Nothing happens, and 0 comes back, when the session is gone: a touch never brings one back.
     */
    private static final String TOUCH = """
            if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
            local seen = redis.call('HGET', KEYS[1], 'seen')
            local later = string.len(ARGV[1]) > string.len(seen) or (string.len(ARGV[1]) == string.len(seen) and ARGV[1] > seen)
            if later then
              redis.call('HSET', KEYS[1], 'seen', ARGV[1])
              local created = tonumber(redis.call('HGET', KEYS[1], 'created'))
              local left = math.floor((created + tonumber(ARGV[3]) - tonumber(ARGV[1])) / 1000000)
              local ttl = math.min(tonumber(ARGV[2]), left)
              if ttl < 1 then ttl = 1 end
              redis.call('PEXPIRE', KEYS[1], ttl)
            end
            return 1
            """;

    /** Sets one field of a session that still exists; 0 when it is gone. */
    private static final String PUT_IF_PRESENT = """
            if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
            redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
            return 1
            """;

    /**
     * Deletes a session; how many were deleted, and whose it was ('' for nobody's), so that its
     * entry in its user's index goes next. When one was deleted, and a reason is given, keeps the
     * reason under KEYS[2] (the same slot) for ARGV[2] milliseconds.
     */
    private static final String DELETE = """
            local user = redis.call('HGET', KEYS[1], 'user')
            local deleted = redis.call('DEL', KEYS[1])
            if deleted > 0 and ARGV[1] ~= '' then redis.call('SET', KEYS[2], ARGV[1], 'PX', ARGV[2]) end
            return {deleted, user or ''}
            """;

    private static final String STORE = "session store (Redis)";

    private final Redis redis;
    private final KeyScan keys;
    private final String sessionPrefix;
    private final String userPrefix;
    private final String endedPrefix;
    private final SessionPolicy policy;
    private final Clock clock;

    /**
     * @param keyPrefix put before every key this store makes, so that it can share a Redis with
     *                  other applications (for example {@code gatehouse:})
     */
    public RedisSessionRepository(Redis redis, String keyPrefix, SessionPolicy policy, Clock clock) {
        this(redis, KeyScan.of(redis), keyPrefix, policy, clock);
    }

    /** @param keys how to go over every key, on the one server or each master of a cluster */
    RedisSessionRepository(Redis redis, KeyScan keys, String keyPrefix, SessionPolicy policy, Clock clock) {
        this.redis = redis;
        this.keys = keys;
        this.sessionPrefix = keyPrefix + "session:";
        this.userPrefix = keyPrefix + "user-sessions:";
        this.endedPrefix = keyPrefix + "session-ended:";
        this.policy = policy;
        this.clock = clock;
    }

    @Override
    public CompletionStage<Optional<Session>> load(SessionId id) {
        return RedisAnswers.within(redis.send(Request.cmd(Command.HGETALL).arg(sessionKey(id.storageKey()))), STORE)
                .thenApply(response -> {
                    Map<String, String> fields = fields(response);
                    return fields.isEmpty() ? Optional.<Session>empty() : Optional.of(session(id, fields));
                });
    }

    @Override
    public CompletionStage<Void> save(Session session) {
        String storageKey = session.id().storageKey();
        String key = sessionKey(storageKey);
        Request hset = Request.cmd(Command.HSET).arg(key)
                .arg(VERSION).arg(session.credentialVersion())
                .arg(CHANNEL).arg(session.channel().name())
                .arg(DEVICE).arg(session.device())
                .arg(CSRF).arg(session.csrfToken().value())
                .arg(CREATED).arg(nanos(session.createdAt()))
                .arg(SEEN).arg(nanos(session.lastSeenAt()));
        session.user().ifPresent(user -> hset.arg(USER).arg(user.value()));
        session.attributes().forEach((name, value) -> hset.arg(ATTRIBUTE + name).arg(value));
        List<Request> write = List.of(Request.cmd(Command.MULTI), Request.cmd(Command.DEL).arg(key), hset,
                Request.cmd(Command.PEXPIRE).arg(key).arg(timeToLive(session)), Request.cmd(Command.EXEC));
        Future<?> indexed = session.user().<Future<?>>map(user -> {
            String index = userPrefix + user.value();
            // The index outlives no session it lists: none lasts longer than the absolute timeout.
            return redis.batch(List.of(Request.cmd(Command.MULTI), Request.cmd(Command.SADD).arg(index).arg(storageKey),
                    Request.cmd(Command.PEXPIRE).arg(index).arg(policy.absoluteTimeout().toMillis()), Request.cmd(Command.EXEC)));
        }).orElseGet(Future::succeededFuture);
        return RedisAnswers.within(indexed.compose(done -> redis.batch(write)).<Void>mapEmpty(), STORE);
    }

    @Override
    public CompletionStage<Boolean> touch(SessionId id, Instant lastSeenAt) {
        return eval(TOUCH, sessionKey(id.storageKey()), Long.toString(nanos(lastSeenAt)),
                Long.toString(policy.idleTimeout().toMillis()), Long.toString(policy.absoluteTimeout().toNanos()));
    }

    @Override
    public CompletionStage<Boolean> putAttribute(SessionId id, String name, String value) {
        return eval(PUT_IF_PRESENT, sessionKey(id.storageKey()), ATTRIBUTE + name, value);
    }

    @Override
    public CompletionStage<Void> delete(SessionId id) {
        return deleted(id.storageKey(), "").thenApply(deleted -> null);
    }

    @Override
    public CompletionStage<Boolean> end(String storageKey, SessionEnd why) {
        return deleted(storageKey, why.name());
    }

    @Override
    public CompletionStage<Optional<SessionEnd>> howEnded(SessionId id) {
        return RedisAnswers.within(redis.send(Request.cmd(Command.GET).arg(endedKey(id.storageKey()))), STORE)
                .thenApply(response -> response == null ? Optional.<SessionEnd>empty() : reason(response.toString()));
    }

    /** The reason a store wrote; none for a name this version does not know (a newer server's). */
    private static Optional<SessionEnd> reason(String name) {
        try {
            return Optional.of(SessionEnd.valueOf(name));
        } catch (IllegalArgumentException unknown) {
            return Optional.empty();
        }
    }

    private CompletionStage<Boolean> deleted(String storageKey, String why) {
        Request request = Request.cmd(Command.EVAL).arg(DELETE).arg(2).arg(sessionKey(storageKey)).arg(endedKey(storageKey))
                .arg(why).arg(SessionEnd.KEPT_FOR.toMillis());
        Future<Boolean> deleted = redis.send(request).compose(answer -> {
            String user = answer.get(1).toString();
            Future<?> unlisted = user.isEmpty() ? Future.succeededFuture() : redis.send(Request.cmd(Command.SREM).arg(userPrefix + user).arg(storageKey));
            return unlisted.map(done -> answer.get(0).toLong() > 0);
        });
        return RedisAnswers.within(deleted, STORE);
    }

    @Override
    public CompletionStage<List<SessionSummary>> listLoggedIn(Optional<Username> user) {
        if (user.isPresent()) {
            return RedisAnswers.within(summaries(List.of(userPrefix + user.get().value())), STORE);
        }
        Set<String> indexes = new LinkedHashSet<>();
        Future<Void> scanned = keys.each(userPrefix + "*", page -> {
            page.forEach(key -> indexes.add(key.toString()));
            return Future.succeededFuture();
        });
        return RedisAnswers.within(scanned.compose(done -> summaries(List.copyOf(indexes))), STORE);
    }

    /** How many sessions the store holds now, logged in or not: one SCAN pass over the session keys (for the metrics). */
    public CompletionStage<Long> count() {
        long[] total = {0};
        Future<Void> scanned = keys.each(sessionPrefix + "*", page -> {
            total[0] += page.size();
            return Future.succeededFuture();
        });
        return RedisAnswers.within(scanned.map(done -> total[0]), STORE);
    }

    /**
     * Gives the sessions an older version kept under {@code session:HASH} their names of now,
     * {@code session:{HASH}}, keeping their time to live; how many were moved. A new key of the
     * same name is left as it is. Only on one server: a cluster never held the older names, and
     * could not rename across slots.
     */
    public CompletionStage<Integer> moveFromOlderKeyNames() {
        int[] moved = {0};
        Future<Void> scanned = keys.each(sessionPrefix + "*", page -> {
            List<Request> renames = new ArrayList<>();
            page.forEach(key -> {
                String name = key.toString();
                if (!name.startsWith(sessionPrefix + "{")) {
                    renames.add(Request.cmd(Command.RENAMENX).arg(name).arg(sessionKey(name.substring(sessionPrefix.length()))));
                }
            });
            // A key that expired meanwhile cannot be renamed, and is not missed.
            return renames.isEmpty() ? Future.succeededFuture() : Future.all(renames.stream().map(rename -> redis.send(rename)
                    .map(renamed -> moved[0] += renamed.toInteger()).otherwise(0)).toList()).mapEmpty();
        });
        // Not bounded like a request's exchange: there may be many to move, and the start waits for them.
        return scanned.map(done -> moved[0]).toCompletionStage();
    }

    /** The live sessions the indexes list; members whose session has expired are dropped from their index. */
    private Future<List<SessionSummary>> summaries(List<String> indexes) {
        List<Future<List<SessionSummary>>> perUser = new ArrayList<>();
        for (String index : indexes) {
            perUser.add(redis.send(Request.cmd(Command.SMEMBERS).arg(index)).compose(members -> {
                List<String> storageKeys = new ArrayList<>();
                members.forEach(member -> storageKeys.add(member.toString()));
                if (storageKeys.isEmpty()) {
                    return Future.succeededFuture(List.<SessionSummary>of());
                }
                // One read each: in a cluster, the sessions live in slots of their own.
                List<Future<Response>> reads = storageKeys.stream().map(storageKey -> redis.send(Request.cmd(Command.HGETALL).arg(sessionKey(storageKey)))).toList();
                return Future.all(reads).compose(read -> {
                    List<SessionSummary> live = new ArrayList<>();
                    Request stale = Request.cmd(Command.SREM).arg(index);
                    boolean anyStale = false;
                    for (int i = 0; i < storageKeys.size(); i++) {
                        Map<String, String> fields = fields(read.resultAt(i));
                        if (fields.containsKey(USER)) {
                            live.add(summary(storageKeys.get(i), fields));
                        } else {
                            stale.arg(storageKeys.get(i));
                            anyStale = true;
                        }
                    }
                    Future<?> cleaned = anyStale ? redis.send(stale) : Future.succeededFuture();
                    return cleaned.map(done -> live);
                });
            }));
        }
        return Future.all(perUser).map(all -> {
            List<SessionSummary> together = new ArrayList<>();
            for (int i = 0; i < all.size(); i++) {
                together.addAll(all.resultAt(i));
            }
            return together;
        });
    }

    private CompletionStage<Boolean> eval(String script, String key, String... args) {
        Request request = Request.cmd(Command.EVAL).arg(script).arg(1).arg(key);
        for (String arg : args) {
            request.arg(arg);
        }
        return RedisAnswers.within(redis.send(request), STORE).thenApply(response -> response.toLong() > 0);
    }

    /** Until the session expires (the idle timeout from its last activity, never past the absolute deadline). */
    private long timeToLive(Session session) {
        return Math.max(1, Duration.between(clock.instant(), session.expiresAt(policy)).toMillis());
    }

    /** The hashed id in braces is the key's hash tag: in a cluster, the session and the note of how it ended share a slot. */
    private String sessionKey(String storageKey) {
        return sessionPrefix + "{" + storageKey + "}";
    }

    private String endedKey(String storageKey) {
        return endedPrefix + "{" + storageKey + "}";
    }

    /** HGETALL's answer as a map; empty when the key does not exist. */
    private static Map<String, String> fields(Response response) {
        Map<String, String> fields = new HashMap<>();
        if (response == null) {
            return fields;
        }
        Set<String> keys = response.getKeys();
        for (String name : keys) {
            fields.put(name, response.get(name).toString());
        }
        return fields;
    }

    private static Session session(SessionId id, Map<String, String> fields) {
        Map<String, String> attributes = new HashMap<>();
        fields.forEach((name, value) -> {
            if (name.startsWith(ATTRIBUTE)) {
                attributes.put(name.substring(ATTRIBUTE.length()), value);
            }
        });
        Optional<Username> user = Optional.ofNullable(fields.get(USER)).map(Username::new);
        return new Session(id, user, Long.parseLong(fields.getOrDefault(VERSION, "0")), Channel.valueOf(fields.get(CHANNEL)),
                fields.getOrDefault(DEVICE, ""), new CsrfToken(fields.get(CSRF)), attributes, instant(fields.get(CREATED)), instant(fields.get(SEEN)));
    }

    private static SessionSummary summary(String storageKey, Map<String, String> fields) {
        return new SessionSummary(storageKey, new Username(fields.get(USER)), Channel.valueOf(fields.get(CHANNEL)), fields.getOrDefault(DEVICE, ""),
                instant(fields.get(CREATED)), instant(fields.get(SEEN)), Long.parseLong(fields.getOrDefault(VERSION, "0")));
    }

    private static long nanos(Instant instant) {
        return EpochNanos.of(instant);
    }

    private static Instant instant(String nanos) {
        return EpochNanos.toInstant(Long.parseLong(nanos));
    }
}
