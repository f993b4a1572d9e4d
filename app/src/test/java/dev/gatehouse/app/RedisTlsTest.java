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
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Sessions in a Redis reached over TLS ({@code rediss://}) whose certificate a private CA signed,
 * made here with openssl: trusted with {@code --session-store-ca}, and refused, with a reason an
 * operator can act on, under another CA.
 */
@ExtendWith(VertxExtension.class)
@Needs(Needs.Service.REDIS_SERVER_BINARY)
class RedisTlsTest {

    @TempDir
    Path dataDir;
    @TempDir
    Path certificates;
    private RedisProcess redis;

    @BeforeEach
    void startRedis() throws Exception {
        TestCertificates.make(certificates, "redis");
        int port = RedisProcess.freePort();
        redis = RedisProcess.start(port, "--port", "0", "--tls-port", Integer.toString(port),
                "--tls-cert-file", certificates.resolve("redis.crt").toString(), "--tls-key-file", certificates.resolve("redis.key").toString(),
                "--tls-ca-cert-file", certificates.resolve("ca.crt").toString(), "--tls-auth-clients", "no");
    }

    @AfterEach
    void stopRedis() {
        redis.close();
    }

    private TestServer serverTrusting(Vertx vertx, String ca) {
        return new TestServer(vertx, dataDir, HttpSettings.defaults("127.0.0.1", 0),
                SessionStoreLocation.parse("rediss://localhost:" + redis.port).withCertificateAuthority(certificates.resolve(ca)));
    }

    @Test
    void givenItsCertificateAuthority_thenSessionsTravelEncrypted(Vertx vertx) {
        TestServer server = serverTrusting(vertx, "ca.crt");
        Browser admin = new Browser(vertx, server.port());
        assertEquals(303, admin.logIn("admin", server.adminPassword).statusCode());
        assertTrue(admin.get("/").bodyAsString().contains("Hello, admin!"));
        assertEquals(200, admin.get("/health/ready").statusCode());
        CommandRunner config = CommandRunner.run("", "config", "--session-store", "rediss://localhost:" + redis.port, "--session-store-ca",
                certificates.resolve("ca.crt").toString());
        assertTrue(config.out.contains("# session store: redis, standalone, TLS on (CA " + certificates.resolve("ca.crt") + "), password none"),
                config.out);
    }

    @Test
    void givenAnotherCertificateAuthority_thenRefusedAndTheReadinessCheckSaysWhy(Vertx vertx) {
        TestServer server = serverTrusting(vertx, "other-ca.crt");
        Browser visitor = new Browser(vertx, server.port());
        String csrf = visitor.openLoginForm();
        assertEquals(503, visitor.post("/login", Map.of("username", "admin", "password", server.adminPassword, "csrf", csrf)).statusCode(),
                "fails closed, as for an outage");
        var ready = visitor.get("/health/ready");
        assertEquals(503, ready.statusCode());
        assertTrue(ready.bodyAsString().contains("the TLS handshake failed"), ready.bodyAsString());
    }
}
