package dev.gatehouse.app;

import dev.gatehouse.adapter.vertx.web.HttpSettings;
import dev.gatehouse.app.config.SessionStoreLocation;
import dev.gatehouse.application.services.Needs;
import dev.gatehouse.application.services.RedisClusterProcesses;
import dev.gatehouse.application.services.RedisProcess;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Gatehouse on a Redis Cluster of three masters, each with a replica, all real processes made
 * with {@code redis-cli --cluster create} that ask for a password, where Gatehouse logs in as an
 * ACL user of its own limited to its keys: logins and greetings across the masters, and a master
 * killed with the cluster's own failover followed without a restart.
 */
@ExtendWith(VertxExtension.class)
@Needs(Needs.Service.REDIS_SERVER_BINARY)
class RedisClusterServerTest {

    private static final String PASSWORD = "cluster-test-password-5c1e";
    /** Gatehouse's own ACL user's, not the default user's the cluster's nodes use among themselves. */
    private static final String ACL_PASSWORD = "gatehouse-acl-password-9d2b";

    @TempDir
    Path dataDir;
    private RedisClusterProcesses cluster;

    @BeforeEach
    void makeTheCluster() throws Exception {
        cluster = RedisClusterProcesses.start(3, 1, Optional.of(PASSWORD), Optional.empty(),
                "--user", "gatehouse", "on", ">" + ACL_PASSWORD, "~gatehouse:*", "&*", "+@all");
    }

    @AfterEach
    void stopTheCluster() {
        cluster.close();
    }

    @Test
    void givenACluster_thenLoginsAreGreetedAndAKilledMasterIsReplacedWithoutARestartLosingWhatItHadNotReplicated(Vertx vertx)
            throws Exception {
        TestServer server = new TestServer(vertx, dataDir, HttpSettings.defaults("127.0.0.1", 0),
                SessionStoreLocation.parse(cluster.urlAs("gatehouse")).withPassword(ACL_PASSWORD));
        // The terminal below reads the sessions with the system's clock: the server's must not be months behind it.
        server.clock.advance(Duration.between(server.clock.instant(), Instant.now()));
        Browser admin = new Browser(vertx, server.port());
        assertEquals(303, admin.logIn("admin", server.adminPassword).statusCode());
        assertTrue(admin.get("/").bodyAsString().contains("Hello, admin!"));
        var ready = admin.get("/health/ready");
        assertEquals(200, ready.statusCode());
        assertTrue(ready.bodyAsString().contains("\"mode\":\"redis-cluster\""), "the readiness check names the store's kind: " + ready.bodyAsString());

        // Far more requests at once than the client's pools hold connections: each is answered, none waits for another's.
        List<Future<HttpResponse<Buffer>>> greetings = new ArrayList<>();
        for (int tab = 0; tab < 40; tab++) {
            // Each client keeps five connections: forty of them keep two hundred requests going at once.
            Browser client = new Browser(vertx, server.port());
            client.cookie = admin.cookie;
            for (int i = 0; i < 8; i++) {
                greetings.add(client.getAsync("/"));
            }
        }
        for (HttpResponse<Buffer> greeting : Future.all(greetings).await().<HttpResponse<Buffer>>list()) {
            assertEquals(200, greeting.statusCode());
        }

        // Listing every session goes over each master on a connection of its own, with the password too.
        CommandRunner listed = CommandRunner.runIn(Map.of("GATEHOUSE_REDIS_PASSWORD", ACL_PASSWORD), "sessions", "list", "--session-store",
                cluster.urlAs("gatehouse"), "--data-dir", dataDir.toString());
        assertEquals(0, listed.exitCode, listed.toString());
        assertTrue(listed.out.contains("admin"), listed.out);

        List<String> users = FailoverUsers.addedTo(dataDir);
        RedisProcess victim = cluster.masters().get(0);
        LoginsThroughAFailover.Measured measured = LoginsThroughAFailover.measure(vertx, server, users, FailoverUsers.PASSWORD, victim::kill);
        System.out.println("Cluster failover (one of three masters killed): " + measured);
        assertEquals(0, measured.lostAfterKill(), "a login acknowledged after the kill holds: " + measured);
        assertEquals(200, admin.get("/health/ready").statusCode(), "ready again, with no restart");
        assertEquals(3, cluster.masters().size(), "the killed master's replica took its place");
    }
}
