package dev.gatehouse.adapter.vertx.driven.redis;

import dev.gatehouse.adapter.vertx.driven.redis.RedisAnswers;
import dev.gatehouse.domain.RememberedLogin;
import dev.gatehouse.domain.RememberedLogins;
import dev.gatehouse.domain.Username;
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
 */
public final class RedisRememberedLogins implements RememberedLogins {

    private static final String STORE = "remembered logins (Redis)";

    /** Replaces the hash only if it is still the expected one, keeping the old one as previous. */
    private static final String ROTATE = """
            if redis.call('HGET', KEYS[1], 'hash') ~= ARGV[1] then return 0 end
            redis.call('HSET', KEYS[1], 'hash', ARGV[2], 'previous', ARGV[1], 'rotated', ARGV[3])
            return 1
            """;

    /** Deletes one login and its entry in its user's set. */
    private static final String DELETE = """
            local user = redis.call('HGET', KEYS[1], 'user')
            redis.call('DEL', KEYS[1])
            if user then redis.call('SREM', ARGV[1] .. user, ARGV[2]) end
            return 1
            """;

    /** Deletes every login in a user's set, and the set. */
    private static final String DELETE_ALL = """
            for _, selector in ipairs(redis.call('SMEMBERS', KEYS[1])) do
              redis.call('DEL', ARGV[1] .. selector)
            end
            redis.call('DEL', KEYS[1])
            return 1
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
        List<Request> commands = List.of(Request.cmd(Command.MULTI), Request.cmd(Command.DEL).arg(key), hset,
                Request.cmd(Command.PEXPIRE).arg(key).arg(ttl),
                Request.cmd(Command.SADD).arg(index).arg(login.selectorKey()),
                // Every login lives equally long, so the newest one's lifetime covers the whole set.
                Request.cmd(Command.PEXPIRE).arg(index).arg(ttl),
                Request.cmd(Command.EXEC));
        return RedisAnswers.within(redis.batch(commands).<Void>mapEmpty(), STORE);
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
        Request eval = Request.cmd(Command.EVAL).arg(DELETE).arg(1).arg(loginPrefix + selector).arg(userPrefix).arg(selector);
        return RedisAnswers.within(redis.send(eval).<Void>mapEmpty(), STORE);
    }

    @Override
    public CompletionStage<Void> deleteAllFor(Username user) {
        Request eval = Request.cmd(Command.EVAL).arg(DELETE_ALL).arg(1).arg(userPrefix + user.value()).arg(loginPrefix);
        return RedisAnswers.within(redis.send(eval).<Void>mapEmpty(), STORE);
    }

    private static String text(Response hash, String field) {
        Response value = hash.get(field);
        return value == null ? null : value.toString();
    }
}
