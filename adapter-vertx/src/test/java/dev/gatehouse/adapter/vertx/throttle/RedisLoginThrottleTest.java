package dev.gatehouse.adapter.vertx.throttle;

import dev.gatehouse.domain.LoginThrottle;
import dev.gatehouse.domain.ThrottlePolicy;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;

import java.util.UUID;

/** The throttle contract against the Redis of this machine, each test under keys of its own. */
class RedisLoginThrottleTest extends LoginThrottleContract {

    private static Vertx vertx;
    private static Redis redis;
    private String prefix;

    @BeforeAll
    static void connect() {
        vertx = Vertx.vertx();
        redis = Redis.createClient(vertx, System.getenv().getOrDefault("REDIS_URL", "redis://127.0.0.1:6379"));
    }

    @AfterAll
    static void disconnect() {
        redis.close();
        vertx.close().await();
    }

    @Override
    protected LoginThrottle createThrottle(ThrottlePolicy policy) {
        prefix = "gatehouse-test-" + UUID.randomUUID() + ":";
        return new RedisLoginThrottle(redis, prefix, policy);
    }

    @AfterEach
    void removeTheKeys() {
        for (Response key : redis.send(Request.cmd(Command.KEYS).arg(prefix + "*")).await()) {
            redis.send(Request.cmd(Command.DEL).arg(key.toString())).await();
        }
    }
}
