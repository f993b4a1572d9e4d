package dev.gatehouse.adapter.vertx.driven.redis;

import dev.gatehouse.application.services.Needs;
import dev.gatehouse.application.contract.RememberedLoginsContract;
import dev.gatehouse.adapter.vertx.driven.redis.LocalRedis;
import dev.gatehouse.domain.RememberMeToken;
import dev.gatehouse.domain.RememberedLogin;
import dev.gatehouse.domain.RememberedLogins;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The remembered-logins contract against this machine's Redis, under keys of its own, removed afterwards. */
@Needs(Needs.Service.REDIS)
class RedisRememberedLoginsTest extends RememberedLoginsContract {

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
    protected RememberedLogins createStore() {
        prefix = LocalRedis.freshPrefix();
        return new RedisRememberedLogins(local.redis, prefix, clock);
    }

    @AfterEach
    void removeTheKeys() {
        local.removeKeys(prefix);
    }

    @Test
    void givenASavedLogin_thenRedisExpiresItWithTheLoginAndHoldsNoValidator() {
        RememberedLogins store = createStore();
        RememberMeToken token = RememberMeToken.generate();
        done(store.save(RememberedLogin.of(token, ALICE, 42L, NOW, NOW.plus(Duration.ofDays(30)))));
        String key = prefix + "remembered:" + token.selectorKey();

        long ttl = local.redis.send(Request.cmd(Command.PTTL).arg(key)).await().toLong();
        assertTrue(ttl > Duration.ofDays(30).minusMinutes(1).toMillis() && ttl <= Duration.ofDays(30).toMillis(), "ttl " + ttl);
        String everything = local.redis.send(Request.cmd(Command.HGETALL).arg(key)).await().toString();
        assertFalse(everything.contains(token.cookieValue().substring(44)), "only the hash of the validator is stored");
    }
}
