package dev.gatehouse.adapter.vertx.driven.redis;

import dev.gatehouse.application.contract.LoginThrottleContract;
import dev.gatehouse.application.contract.RememberedLoginsContract;
import dev.gatehouse.application.contract.SessionRepositoryContract;
import dev.gatehouse.application.services.Needs;
import dev.gatehouse.application.services.RedisClusterProcesses;
import dev.gatehouse.application.services.RedisProcess;
import dev.gatehouse.domain.Channel;
import dev.gatehouse.domain.LoginThrottle;
import dev.gatehouse.domain.RememberedLogins;
import dev.gatehouse.domain.Session;
import dev.gatehouse.domain.SessionPolicy;
import dev.gatehouse.domain.SessionRepository;
import dev.gatehouse.domain.ThrottlePolicy;
import dev.gatehouse.domain.Username;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisOptions;
import io.vertx.redis.client.Request;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Redis stores on a Redis Cluster of three masters that the test makes with
 * {@code redis-cli --cluster create}: the same contracts as on one Redis, each test under keys of
 * its own. A script or transaction whose keys were in two slots would fail here with CROSSSLOT.
 */
@Needs(Needs.Service.REDIS_SERVER_BINARY)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RedisClusterTest {

    private RedisClusterProcesses processes;
    private Vertx vertx;
    private Redis redis;
    private KeyScan keys;

    @BeforeAll
    void makeTheCluster() throws Exception {
        processes = RedisClusterProcesses.start(3, 0, Optional.empty(), Optional.empty());
        vertx = Vertx.vertx();
        RedisOptions options = RedisStores.clusterOptions(processes.endpoints(), Optional.empty(), Optional.empty());
        redis = RedisStores.client(vertx, options);
        keys = KeyScan.overMasters(vertx, redis, options);
    }

    @AfterAll
    void stopTheCluster() {
        redis.close();
        vertx.close().await();
        processes.close();
    }

    @Nested
    class Sessions extends SessionRepositoryContract {
        @Override
        protected SessionRepository createRepository() {
            return new RedisSessionRepository(redis, keys, LocalRedis.freshPrefix(), SessionPolicy.DEFAULT, Clock.fixed(NOW, ZoneOffset.UTC));
        }

        @Test
        void givenManySessions_thenEveryMasterHoldsSomeAndTheyAreCountedAndListedAcrossAll() {
            String prefix = LocalRedis.freshPrefix();
            RedisSessionRepository store = new RedisSessionRepository(redis, keys, prefix, SessionPolicy.DEFAULT, Clock.fixed(NOW, ZoneOffset.UTC));
            List<Session> saved = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                Session session = Session.startAnonymous(Channel.WEB, NOW).loggedInAs(new Username("user" + i), 1L, NOW);
                done(store.save(session));
                saved.add(session);
            }
            for (RedisProcess node : processes.nodes()) {
                Redis one = Redis.createClient(vertx, "redis://127.0.0.1:" + node.port);
                int held = one.send(Request.cmd(Command.KEYS).arg(prefix + "session:*")).await().size();
                one.close();
                assertTrue(held > 0, "the master on port " + node.port + " holds none of them");
            }
            assertEquals(30L, done(store.count()));
            assertEquals(30, done(store.listLoggedIn(Optional.empty())).size());
            for (Session session : saved) {
                assertTrue(done(store.load(session.id())).isPresent());
            }
        }
    }

    @Nested
    class Throttle extends LoginThrottleContract {
        @Override
        protected LoginThrottle createThrottle(ThrottlePolicy policy) {
            return new RedisLoginThrottle(redis, LocalRedis.freshPrefix(), policy);
        }
    }

    @Nested
    class Remembered extends RememberedLoginsContract {
        @Override
        protected RememberedLogins createStore() {
            return new RedisRememberedLogins(redis, LocalRedis.freshPrefix(), clock);
        }
    }
}
