package dev.gatehouse.adapter.vertx.driven.redis;

import dev.gatehouse.application.services.Needs;
import dev.gatehouse.application.contract.SessionRepositoryContract;
import dev.gatehouse.adapter.vertx.driven.redis.LocalRedis;
import dev.gatehouse.domain.Channel;
import dev.gatehouse.domain.Session;
import dev.gatehouse.domain.SessionEnd;
import dev.gatehouse.domain.SessionPolicy;
import dev.gatehouse.domain.SessionRepository;
import dev.gatehouse.domain.Username;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The session contract against the Redis of this machine ({@code REDIS_URL}, or 127.0.0.1:6379),
 * each test under keys of its own that are removed afterwards.
 */
@Needs(Needs.Service.REDIS)
class RedisSessionRepositoryTest extends SessionRepositoryContract {

    private static LocalRedis local;
    private static Redis redis;
    private String prefix;

    @BeforeAll
    static void connect() {
        local = new LocalRedis();
        redis = local.redis;
    }

    @AfterAll
    static void disconnect() {
        local.close();
    }

    @Override
    protected SessionRepository createRepository() {
        prefix = LocalRedis.freshPrefix();
        return new RedisSessionRepository(redis, prefix, SessionPolicy.DEFAULT, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @AfterEach
    void removeTheKeys() {
        local.removeKeys(prefix);
    }

    private long pttl(String storageKey) {
        return redis.send(Request.cmd(Command.PTTL).arg(prefix + "session:{" + storageKey + "}")).await().toLong();
    }

    @Test
    void givenASession_thenRedisExpiresItAtTheIdleTimeoutAndATouchMovesThatButNeverPastTheAbsoluteDeadline() {
        SessionRepository store = createRepository();
        Session session = Session.startAnonymous(Channel.WEB, NOW).loggedInAs(new Username("alice"), 1L, NOW);
        done(store.save(session));
        long idle = SessionPolicy.DEFAULT.idleTimeout().toMillis();
        assertTrue(pttl(session.id().storageKey()) > idle - 5_000 && pttl(session.id().storageKey()) <= idle);

        // Seven hours and fifty minutes in, a touch may give it ten more minutes, not thirty.
        Instant late = NOW.plus(Duration.ofHours(7)).plus(Duration.ofMinutes(50));
        assertTrue(done(store.touch(session.id(), late)));
        long left = Duration.ofMinutes(10).toMillis();
        assertTrue(pttl(session.id().storageKey()) > left - 5_000 && pttl(session.id().storageKey()) <= left, "ttl " + pttl(session.id().storageKey()));
    }

    @Test
    void givenAnEndedSession_thenRedisKeepsWhyForADayUnderTheHashNotTheId() {
        SessionRepository store = createRepository();
        Session session = Session.startAnonymous(Channel.WEB, NOW).loggedInAs(new Username("alice"), 1L, NOW);
        done(store.save(session));
        assertTrue(done(store.end(session.id().storageKey(), SessionEnd.PASSWORD_CHANGED)));
        String key = prefix + "session-ended:{" + session.id().storageKey() + "}";
        assertEquals("PASSWORD_CHANGED", redis.send(Request.cmd(Command.GET).arg(key)).await().toString());
        long ttl = redis.send(Request.cmd(Command.PTTL).arg(key)).await().toLong();
        assertTrue(ttl > SessionEnd.KEPT_FOR.toMillis() - 5_000 && ttl <= SessionEnd.KEPT_FOR.toMillis(), "ttl " + ttl);

        redis.send(Request.cmd(Command.SET).arg(key).arg("A_REASON_OF_A_NEWER_VERSION")).await();
        assertEquals(java.util.Optional.empty(), done(store.howEnded(session.id())), "an unknown reason is no reason, not an error");
    }

    @Test
    void givenASavedSession_thenRedisHoldsNoSessionIdOnlyItsHash() {
        SessionRepository store = createRepository();
        Session session = Session.startAnonymous(Channel.WEB, NOW).loggedInAs(new Username("alice"), 1L, NOW);
        done(store.save(session));
        Response keys = redis.send(Request.cmd(Command.KEYS).arg(prefix + "*")).await();
        StringBuilder everything = new StringBuilder();
        for (Response key : keys) {
            everything.append(key).append(' ');
            Response type = redis.send(Request.cmd(Command.TYPE).arg(key.toString())).await();
            Response value = "hash".equals(type.toString())
                    ? redis.send(Request.cmd(Command.HGETALL).arg(key.toString())).await()
                    : redis.send(Request.cmd(Command.SMEMBERS).arg(key.toString())).await();
            everything.append(value).append(' ');
        }
        assertFalse(everything.toString().contains(session.id().value()), everything.toString());
        assertTrue(everything.toString().contains(session.id().storageKey()));
    }

    @Test
    void givenSessionsLoggedInOrNot_thenCountSaysHowManyTheStoreHolds() {
        RedisSessionRepository store = (RedisSessionRepository) createRepository();
        done(store.save(Session.startAnonymous(Channel.WEB, NOW)));
        done(store.save(Session.startAnonymous(Channel.WEB, NOW).loggedInAs(new Username("alice"), 1L, NOW)));
        Session ended = Session.startAnonymous(Channel.WEB, NOW).loggedInAs(new Username("bob"), 1L, NOW);
        done(store.save(ended));
        done(store.delete(ended.id()));

        assertEquals(2L, done(store.count()));
    }

    @Test
    void givenSessionsUnderTheKeyNamesOfAnEarlierVersion_thenTheyAreMovedWithTheirTimeToLiveAndFoundAgain() {
        RedisSessionRepository store = (RedisSessionRepository) createRepository();
        Session earlier = Session.startAnonymous(Channel.WEB, NOW).loggedInAs(new Username("alice"), 1L, NOW);
        Session now = Session.startAnonymous(Channel.WEB, NOW).loggedInAs(new Username("alice"), 1L, NOW);
        done(store.save(earlier));
        done(store.save(now));
        // An earlier version named a session's hash session:HASH, without the hash tag.
        String storageKey = earlier.id().storageKey();
        redis.send(Request.cmd(Command.RENAME).arg(prefix + "session:{" + storageKey + "}").arg(prefix + "session:" + storageKey)).await();
        assertTrue(done(store.load(earlier.id())).isEmpty());

        assertEquals(1, done(store.moveFromOlderKeyNames()));
        assertEquals(earlier.user(), done(store.load(earlier.id())).orElseThrow().user());
        assertTrue(pttl(storageKey) > 0, "it keeps its time to live");
        assertTrue(done(store.load(now.id())).isPresent());
        assertEquals(2, done(store.listLoggedIn(Optional.of(new Username("alice")))).size());
        assertEquals(0, done(store.moveFromOlderKeyNames()), "nothing is left to move");
    }
}
