package dev.gatehouse.app;

import dev.gatehouse.adapter.vertx.web.HttpSettings;
import dev.gatehouse.app.config.SessionStoreLocation;
import dev.gatehouse.application.services.Needs;
import dev.gatehouse.application.services.RedisClusterProcesses;
import dev.gatehouse.application.services.TestCertificates;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A Redis Cluster that speaks TLS only, to clients and between its nodes, with certificates the
 * test makes: {@code rediss-cluster://} checks every node's certificate and name, and a cluster
 * whose certificates another CA signed is refused and said so.
 */
@ExtendWith(VertxExtension.class)
@Needs(Needs.Service.REDIS_SERVER_BINARY)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RedisClusterTlsTest {

    @TempDir
    Path dataDir;
    @TempDir
    static Path certificates;
    private RedisClusterProcesses cluster;

    @BeforeAll
    void makeTheCluster() throws Exception {
        TestCertificates.make(certificates, "redis");
        cluster = RedisClusterProcesses.start(3, 0, Optional.empty(), Optional.of(certificates));
    }

    @AfterAll
    void stopTheCluster() {
        cluster.close();
    }

    private TestServer serverTrusting(Vertx vertx, String name, String ca) {
        return new TestServer(vertx, dataDir.resolve(name), HttpSettings.defaults("127.0.0.1", 0),
                SessionStoreLocation.parse(cluster.url()).withCertificateAuthority(certificates.resolve(ca)));
    }

    @Test
    void givenAClusterOverTls_thenEveryNodesCertificateIsCheckedAndLoginsWork(Vertx vertx) {
        TestServer server = serverTrusting(vertx, "trusting", "ca.crt");
        // The terminal below reads the sessions with the system's clock: the server's must not be months behind it.
        server.clock.advance(Duration.between(server.clock.instant(), Instant.now()));
        Browser admin = new Browser(vertx, server.port());
        assertEquals(303, admin.logIn("admin", server.adminPassword).statusCode());
        assertTrue(admin.get("/").bodyAsString().contains("Hello, admin!"));
        assertEquals(200, admin.get("/health/ready").statusCode());
        // Listing every session scans each master on a connection of its own, over TLS too.
        CommandRunner listed = CommandRunner.run("", "sessions", "list", "--session-store", cluster.url(), "--session-store-ca",
                certificates.resolve("ca.crt").toString(), "--data-dir", dataDir.resolve("trusting").toString());
        assertEquals(0, listed.exitCode, listed.toString());
        assertTrue(listed.out.contains("admin"), listed.out);

        TestServer other = serverTrusting(vertx, "other", "other-ca.crt");
        var refused = new Browser(vertx, other.port()).get("/health/ready");
        assertEquals(503, refused.statusCode());
        assertTrue(refused.bodyAsString().contains("the TLS handshake failed"), refused.bodyAsString());
    }

    @Test
    void givenATlsClusterLocation_thenConfigSaysClusterWithTls() {
        CommandRunner config = CommandRunner.run("", "config", "--session-store", cluster.url(), "--session-store-ca",
                certificates.resolve("ca.crt").toString());
        assertEquals(0, config.exitCode, config.toString());
        assertTrue(config.out.contains("# session store: redis, cluster (3 nodes given), TLS on (CA " + certificates.resolve("ca.crt")
                + "), password none"), config.out);
    }
}
