package dev.gatehouse.adapter.vertx.driven.redis;

import dev.gatehouse.application.services.Needs;
import dev.gatehouse.application.contract.LoginThrottleContract;
import dev.gatehouse.adapter.vertx.driven.redis.LocalRedis;
import dev.gatehouse.domain.LoginThrottle;
import dev.gatehouse.domain.ThrottlePolicy;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;


/** The throttle contract against the Redis of this machine, each test under keys of its own. */
@Needs(Needs.Service.REDIS)
class RedisLoginThrottleTest extends LoginThrottleContract {

    private static LocalRedis local;
    private String prefix;

    @BeforeAll
    static void connect() {
        local = new LocalRedis();
    }

    @AfterAll
    static void disconnect() {
        local.close();
    }

    @Override
    protected LoginThrottle createThrottle(ThrottlePolicy policy) {
        prefix = LocalRedis.freshPrefix();
        return new RedisLoginThrottle(local.redis, prefix, policy);
    }

    @AfterEach
    void removeTheKeys() {
        local.removeKeys(prefix);
    }
}
