package dev.gatehouse.adapter.vertx.driven.redis;

import dev.gatehouse.adapter.vertx.driven.redis.RedisAnswers;
import dev.gatehouse.domain.RememberedLogin;
import dev.gatehouse.domain.RememberedLogins;
import dev.gatehouse.domain.Username;
import io.vertx.core.Future;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * Remembered logins in Redis beside the sessions, so any server can restore a login another one
 * remembered. One hash per login under its selector (never the validator, only its hash), expiring
 * with the login, and a set per user for forgetting all of a user's at once. Rotation is one Lua
 * script, so of two uses of one validator exactly one wins.
 *
 * <p>No command touches a login and its user's set together, so in a Redis Cluster each lives in
 * the slot of its own name. The set is written before the login and cleaned after it: a login is
 * never missing from its user's set, which is what forgetting all of a user's relies on.
 */
public final class RedisRememberedLogins implements RememberedLogins {

    private static final String STORE = "remembered logins (Redis)";

    /** Replaces the hash only if it is still the expected one, keeping the old one as previous. */
    private static final String ROTATE = """
            if redis.call('HGET', KEYS[1], 'hash') ~= ARGV[1] then return 0 end
            redis.call('HSET', KEYS[1], 'hash', ARGV[2], 'previous', ARGV[1], 'rotated', ARGV[3])
            return 1
            """;

    /** Deletes one login; whose it was ('' for a login that is gone), so that its entry in its user's set goes next. */
    private static final String DELETE = """
            local user = redis.call('HGET', KEYS[1], 'user')
            redis.call('DEL', KEYS[1])
            return user or ''
            """;

    private final Redis redis;
    private final String loginPrefix;
    private final String userPrefix;
    private final Clock clock;

    public RedisRememberedLogins(Redis redis, String keyPrefix, Clock clock) {
        this.redis = redis;
        this.loginPrefix = keyPrefix + "remembered:";
        this.userPrefix = keyPrefix + "user-remembered:";
        this.clock = clock;
    }

    @Override
    public CompletionStage<Void> save(RememberedLogin login) {
        String key = loginPrefix + login.selectorKey();
        String index = userPrefix + login.user().value();
        long ttl = Math.max(1, Duration.between(clock.instant(), login.expiresAt()).toMillis());
        Request hset = Request.cmd(Command.HSET).arg(key).arg("user").arg(login.user().value()).arg("hash").arg(login.validatorHash())
                .arg("rotated").arg(login.rotatedAt().toString()).arg("version").arg(login.credentialVersion())
                .arg("expires").arg(login.expiresAt().toString());
        if (login.previousValidatorHash() != null) {
            hset.arg("previous").arg(login.previousValidatorHash());
        }
        List<Request> listed = List.of(Request.cmd(Command.MULTI), Request.cmd(Command.SADD).arg(index).arg(login.selectorKey()),
                // Every login lives equally long, so the newest one's lifetime covers the whole set.
                Request.cmd(Command.PEXPIRE).arg(index).arg(ttl), Request.cmd(Command.EXEC));
        List<Request> written = List.of(Request.cmd(Command.MULTI), Request.cmd(Command.DEL).arg(key), hset,
                Request.cmd(Command.PEXPIRE).arg(key).arg(ttl), Request.cmd(Command.EXEC));
        return RedisAnswers.within(redis.batch(listed).compose(done -> redis.batch(written)).<Void>mapEmpty(), STORE);
    }

    @Override
    public CompletionStage<Optional<RememberedLogin>> find(String selector) {
        return RedisAnswers.within(redis.send(Request.cmd(Command.HGETALL).arg(loginPrefix + selector)), STORE).thenApply(response -> {
            if (response == null || response.size() == 0 || !response.containsKey("hash")) {
                return Optional.<RememberedLogin>empty();
            }
            RememberedLogin login = new RememberedLogin(selector, new Username(text(response, "user")), text(response, "hash"),
                    text(response, "previous"), Instant.parse(text(response, "rotated")), Long.parseLong(text(response, "version")),
                    Instant.parse(text(response, "expires")));
            return login.isExpiredAt(clock.instant()) ? Optional.<RememberedLogin>empty() : Optional.of(login);
        });
    }

    @Override
    public CompletionStage<Boolean> rotate(String selector, String expected, String replacement, Instant now) {
        Request eval = Request.cmd(Command.EVAL).arg(ROTATE).arg(1).arg(loginPrefix + selector).arg(expected).arg(replacement).arg(now.toString());
        return RedisAnswers.within(redis.send(eval), STORE).thenApply(response -> response.toLong() == 1);
    }

    @Override
    public CompletionStage<Void> delete(String selector) {
        Request eval = Request.cmd(Command.EVAL).arg(DELETE).arg(1).arg(loginPrefix + selector);
        Future<Response> deleted = redis.send(eval).compose(user -> user.toString().isEmpty() ? Future.succeededFuture()
                : redis.send(Request.cmd(Command.SREM).arg(userPrefix + user).arg(selector)));
        return RedisAnswers.within(deleted.<Void>mapEmpty(), STORE);
    }

    /**
     * Deletes the logins the user's set lists, then takes just those out of the set: a login
     * remembered meanwhile stays listed, and the user's credential version decides whether it
     * still counts.
     */
    @Override
    public CompletionStage<Void> deleteAllFor(Username user) {
        String index = userPrefix + user.value();
        Future<Void> forgotten = redis.send(Request.cmd(Command.SMEMBERS).arg(index)).compose(members -> {
            if (members.size() == 0) {
                return Future.succeededFuture();
            }
            Request logins = Request.cmd(Command.DEL);
            Request unlisted = Request.cmd(Command.SREM).arg(index);
            members.forEach(selector -> {
                logins.arg(loginPrefix + selector);
                unlisted.arg(selector.toString());
            });
            // The cluster client splits a DEL of keys in several slots by slot.
            return redis.send(logins).compose(done -> redis.send(unlisted)).mapEmpty();
        });
        return RedisAnswers.within(forgotten, STORE);
    }

    private static String text(Response hash, String field) {
        Response value = hash.get(field);
        return value == null ? null : value.toString();
    }
}
