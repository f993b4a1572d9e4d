package dev.gatehouse.adapter.vertx.driven.redis;

import dev.gatehouse.adapter.vertx.driven.redis.RedisAnswers;
import dev.gatehouse.domain.LoginThrottle;
import dev.gatehouse.domain.ThrottlePolicy;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletionStage;

/**
 * The throttle's counters in Redis, so that the back-off holds across every server (S16): the
 * same rules as {@link InMemoryLoginThrottle}, each admission and settlement one Lua script that
 * Redis runs atomically, whichever server sends it. Counters expire by themselves when idle.
 * Times are the servers' clocks in milliseconds, passed in, so every server must keep time.
 *
 * <p>An admission reads an account's counters and a client's together, so in a Redis Cluster they
 * must share a hash slot; as the client's counters are the same whichever account it tries, every
 * counter carries one hash tag, {@code {throttle}}, and lives on one master. Logins are few next
 * to the requests that only read a session, which spread over every master.
 */
public final class RedisLoginThrottle implements LoginThrottle {

    private static final String STORE = "throttle store (Redis)";

    /**
     * KEYS: account, client. ARGV: now, threshold, first back-off, client burst, refill, forget after (all ms but
     * threshold and burst). Returns {1, 0} when admitted, {0, wait in ms} when not.
     */
    private static final String ADMIT = """
            local now = tonumber(ARGV[1])
            local failures = tonumber(redis.call('HGET', KEYS[1], 'failures') or '0')
            local inflight = tonumber(redis.call('HGET', KEYS[1], 'inflight') or '0')
            local blocked = tonumber(redis.call('HGET', KEYS[1], 'blocked') or '0')
            if now < blocked then return {0, blocked - now} end
            if failures + inflight >= tonumber(ARGV[2]) and inflight > 0 then return {0, tonumber(ARGV[3])} end
            local burst = tonumber(ARGV[4])
            local refill = tonumber(ARGV[5])
            local allowance = tonumber(redis.call('HGET', KEYS[2], 'allowance') or ARGV[4])
            local updated = tonumber(redis.call('HGET', KEYS[2], 'updated') or ARGV[1])
            local clientInflight = tonumber(redis.call('HGET', KEYS[2], 'inflight') or '0')
            if now > updated then
              allowance = math.min(burst, allowance + (now - updated) / refill)
              updated = now
            end
            if allowance - clientInflight < 1 then return {0, math.ceil((1 - (allowance - clientInflight)) * refill)} end
            redis.call('HSET', KEYS[1], 'inflight', inflight + 1)
            redis.call('PEXPIRE', KEYS[1], tonumber(ARGV[6]))
            redis.call('HSET', KEYS[2], 'allowance', tostring(allowance), 'updated', tostring(updated), 'inflight', clientInflight + 1)
            redis.call('PEXPIRE', KEYS[2], math.ceil(burst * refill))
            return {1, 0}
            """;

    /**
     * KEYS: account, client. ARGV: now, outcome (S, F or N), threshold, first back-off, longest back-off, client
     * burst, refill, forget after.
     */
    private static final String SETTLE = """
            local now = tonumber(ARGV[1])
            local outcome = ARGV[2]
            if redis.call('EXISTS', KEYS[1]) == 1 then
              local failures = tonumber(redis.call('HGET', KEYS[1], 'failures') or '0')
              local inflight = math.max(0, tonumber(redis.call('HGET', KEYS[1], 'inflight') or '0') - 1)
              local blocked = tonumber(redis.call('HGET', KEYS[1], 'blocked') or '0')
              if outcome == 'S' then failures = 0; blocked = 0 end
              if outcome == 'F' then
                failures = failures + 1
                local threshold = tonumber(ARGV[3])
                if failures >= threshold then
                  local backoff = math.min(tonumber(ARGV[5]), tonumber(ARGV[4]) * 2 ^ math.min(failures - threshold, 30))
                  blocked = now + backoff
                end
              end
              if failures == 0 and inflight == 0 then
                redis.call('DEL', KEYS[1])
              else
                redis.call('HSET', KEYS[1], 'failures', failures, 'inflight', inflight, 'blocked', blocked)
                redis.call('PEXPIRE', KEYS[1], math.max(0, blocked - now) + tonumber(ARGV[8]))
              end
            end
            if redis.call('EXISTS', KEYS[2]) == 1 then
              local burst = tonumber(ARGV[6])
              local refill = tonumber(ARGV[7])
              local allowance = tonumber(redis.call('HGET', KEYS[2], 'allowance'))
              local updated = tonumber(redis.call('HGET', KEYS[2], 'updated'))
              local clientInflight = math.max(0, tonumber(redis.call('HGET', KEYS[2], 'inflight')) - 1)
              if now > updated then
                allowance = math.min(burst, allowance + (now - updated) / refill)
                updated = now
              end
              if outcome == 'F' then allowance = allowance - 1 end
              redis.call('HSET', KEYS[2], 'allowance', tostring(allowance), 'updated', tostring(updated), 'inflight', clientInflight)
              redis.call('PEXPIRE', KEYS[2], math.ceil(burst * refill))
            end
            return 1
            """;

    private final Redis redis;
    private final String backoffPrefix;
    private final String clientPrefix;
    private final ThrottlePolicy policy;

    public RedisLoginThrottle(Redis redis, String keyPrefix, ThrottlePolicy policy) {
        this.redis = redis;
        this.backoffPrefix = keyPrefix + "{throttle}:";
        this.clientPrefix = keyPrefix + "{throttle}:client:";
        this.policy = policy;
    }

    @Override
    public CompletionStage<Admission> admit(Attempt attempt, Instant now) {
        Request admit = script(ADMIT, attempt).arg(now.toEpochMilli()).arg(policy.accountThreshold())
                .arg(policy.firstBackoff().toMillis()).arg(policy.clientBurst()).arg(policy.clientRefill().toMillis())
                .arg(policy.forgetAfter().toMillis());
        return RedisAnswers.within(redis.send(admit), STORE).thenApply(RedisLoginThrottle::admission);
    }

    @Override
    public CompletionStage<Void> settle(Attempt attempt, Outcome outcome, Instant now) {
        String code = switch (outcome) {
            case SUCCEEDED -> "S";
            case FAILED -> "F";
            case NOT_CHECKED -> "N";
        };
        Request settle = script(SETTLE, attempt).arg(now.toEpochMilli()).arg(code).arg(policy.accountThreshold())
                .arg(policy.firstBackoff().toMillis()).arg(policy.maxBackoff().toMillis()).arg(policy.clientBurst())
                .arg(policy.clientRefill().toMillis()).arg(policy.forgetAfter().toMillis());
        return RedisAnswers.within(redis.send(settle), STORE).thenApply(done -> null);
    }

    /** The account's back-off lives under {@code {throttle}:account:NAME}, a device's under {@code {throttle}:device:ID}. */
    private Request script(String script, Attempt attempt) {
        return Request.cmd(Command.EVAL).arg(script).arg(2).arg(backoffPrefix + attempt.backoffKey()).arg(clientPrefix + attempt.client());
    }

    private static Admission admission(Response answer) {
        return answer.get(0).toLong() == 1 ? new Admission.Allowed() : new Admission.Wait(Duration.ofMillis(answer.get(1).toLong()));
    }
}
