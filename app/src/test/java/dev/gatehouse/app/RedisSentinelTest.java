package dev.gatehouse.app;

import dev.gatehouse.application.services.RedisProcess;
import dev.gatehouse.application.services.TestCertificates;
import dev.gatehouse.adapter.vertx.web.HttpSettings;
import dev.gatehouse.app.config.SessionStoreLocation;
import dev.gatehouse.application.services.Needs;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A master, a replica and three Sentinels, all real processes that speak TLS only and ask for a
 * password, Gatehouse logging in to them as an ACL user of its own: it finds the master through
 * the Sentinels, checking every certificate, and when the master is killed it follows the failover
 * by itself, with no restart.
 */
@ExtendWith(VertxExtension.class)
@Needs(Needs.Service.REDIS_SERVER_BINARY)
class RedisSentinelTest {

    private static final String MASTER_NAME = "gatehouse-master";
    private static final String PASSWORD = "sentinel-test-password-7f3a";
    /** Gatehouse's own ACL user's, on the Sentinels and the Redis servers; the default user's is the Sentinels' own to the master. */
    private static final String ACL_PASSWORD = "gatehouse-acl-password-4e8c";

    @TempDir
    Path dataDir;
    @TempDir
    Path sentinelConfigs;
    @TempDir
    Path certificates;
    private RedisProcess master;
    private RedisProcess replica;
    private final List<RedisProcess> sentinels = new ArrayList<>();

    @BeforeEach
    void startTheSet() throws Exception {
        TestCertificates.make(certificates, "redis");
        master = node(List.of());
        replica = node(List.of("--replicaof", "127.0.0.1", Integer.toString(master.port)));
        replica.await("MASTER <-> REPLICA sync: Finished with success");
        for (int i = 0; i < 3; i++) {
            RedisProcess sentinel = RedisProcess.sentinel(sentinelConfigs, RedisProcess.freePort(), MASTER_NAME, master.port, Optional.of(PASSWORD),
                    Optional.of(certificates), "user gatehouse on >" + ACL_PASSWORD + " +@all");
            sentinel.await("+slave slave 127.0.0.1:" + replica.port);
            sentinels.add(sentinel);
        }
    }

    private RedisProcess node(List<String> settings) throws Exception {
        int port = RedisProcess.freePort();
        List<String> all = new ArrayList<>(RedisProcess.tlsOnly(port, certificates));
        all.addAll(List.of("--requirepass", PASSWORD, "--masterauth", PASSWORD,
                "--user", "gatehouse", "on", ">" + ACL_PASSWORD, "~gatehouse:*", "&*", "+@all"));
        all.addAll(settings);
        return RedisProcess.start(port, all.toArray(String[]::new));
    }

    @AfterEach
    void stopTheSet() {
        sentinels.forEach(RedisProcess::close);
        replica.close();
        master.close();
    }

    private String location() {
        return "rediss-sentinel://gatehouse@" + String.join(",", sentinels.stream().map(sentinel -> "127.0.0.1:" + sentinel.port).toList()) + "/" + MASTER_NAME;
    }

    @Test
    void givenTheSentinels_thenTheMasterIsFoundAndAFailoverIsFollowedWithoutARestartLosingWhatTheMasterHadNotReplicated(Vertx vertx)
            throws Exception {
        TestServer server = new TestServer(vertx, dataDir, HttpSettings.defaults("127.0.0.1", 0),
                SessionStoreLocation.parse(location()).withPassword(ACL_PASSWORD).withCertificateAuthority(certificates.resolve("ca.crt")));
        Browser before = new Browser(vertx, server.port());
        assertEquals(303, before.logIn("admin", server.adminPassword).statusCode());
        assertTrue(before.get("/").bodyAsString().contains("Hello, admin!"));
        var ready = before.get("/health/ready");
        assertEquals(200, ready.statusCode());
        assertTrue(ready.bodyAsString().contains("\"mode\":\"redis-sentinel\""), "the readiness check names the store's kind: " + ready.bodyAsString());
        TestServer otherCa = new TestServer(vertx, dataDir.resolve("other-ca"), HttpSettings.defaults("127.0.0.1", 0),
                SessionStoreLocation.parse(location()).withPassword(ACL_PASSWORD).withCertificateAuthority(certificates.resolve("other-ca.crt")));
        var untrusted = new Browser(vertx, otherCa.port()).get("/health/ready");
        assertEquals(503, untrusted.statusCode());
        assertTrue(untrusted.bodyAsString().contains("the TLS handshake failed"), untrusted.bodyAsString());

        List<String> users = FailoverUsers.addedTo(dataDir);
        LoginsThroughAFailover.Measured measured = LoginsThroughAFailover.measure(vertx, server, users, FailoverUsers.PASSWORD, () -> {
            master.kill();
            sentinels.get(0).await("+switch-master " + MASTER_NAME + " 127.0.0.1 " + master.port + " 127.0.0.1 " + replica.port);
        });
        System.out.println("Sentinel failover (master killed): " + measured);
        assertEquals(0, measured.lostAfterKill(), "a login acknowledged by the new master holds: " + measured);
        assertEquals(200, before.get("/health/ready").statusCode(), "ready again, with no restart");
    }
}
