package dev.gatehouse.app;

import dev.gatehouse.application.services.RedisProcess;
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

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A Redis that asks for a password ({@code requirepass}) and knows an ACL user limited to
 * Gatehouse's keys: the password comes from the environment or a file, never from a URL on the
 * command line, and nothing prints it.
 */
@ExtendWith(VertxExtension.class)
@Needs(Needs.Service.REDIS_SERVER_BINARY)
class RedisCredentialsTest {

    private static final String DEFAULT_PASSWORD = "default-user-passphrase-41";
    private static final String ACL_PASSWORD = "acl-user-passphrase-97";

    @TempDir
    Path dataDir;
    private RedisProcess redis;

    @BeforeEach
    void startRedis() throws Exception {
        redis = RedisProcess.start(RedisProcess.freePort(), "--requirepass", DEFAULT_PASSWORD,
                "--user", "gatehouse", "on", ">" + ACL_PASSWORD, "~gatehouse:*", "&*", "+@all");
    }

    @AfterEach
    void stopRedis() throws Exception {
        redis.close();
    }

    private TestServer serverOn(Vertx vertx, SessionStoreLocation store) {
        return new TestServer(vertx, dataDir, HttpSettings.defaults("127.0.0.1", 0), store);
    }

    @Test
    void givenThePasswordOrAnAclUser_thenSessionsLiveInRedis(Vertx vertx) {
        TestServer server = serverOn(vertx, SessionStoreLocation.parse("redis://127.0.0.1:" + redis.port).withPassword(DEFAULT_PASSWORD));
        Browser admin = new Browser(vertx, server.port());
        assertEquals(303, admin.logIn("admin", server.adminPassword).statusCode());
        assertTrue(admin.get("/").bodyAsString().contains("Hello, admin!"));
        assertEquals(200, admin.get("/health/ready").statusCode());
    }

    @Test
    void givenAnAclUserLimitedToGatehousesKeys_thenEverythingWorksWithinThem(Vertx vertx) {
        TestServer server = serverOn(vertx, SessionStoreLocation.parse("redis://gatehouse@127.0.0.1:" + redis.port).withPassword(ACL_PASSWORD));
        Browser admin = new Browser(vertx, server.port());
        assertEquals(303, admin.logIn("admin", server.adminPassword).statusCode());
        assertTrue(admin.get("/").bodyAsString().contains("Hello, admin!"), "every key Gatehouse makes is under gatehouse:");
    }

    @Test
    void givenAWrongPassword_thenRequestsFailClosedAndSayNothingOfIt(Vertx vertx) {
        TestServer server = serverOn(vertx, SessionStoreLocation.parse("redis://127.0.0.1:" + redis.port).withPassword("not-the-password"));
        Browser visitor = new Browser(vertx, server.port());
        String csrf = visitor.openLoginForm();
        var refused = visitor.post("/login", Map.of("username", "admin", "password", server.adminPassword, "csrf", csrf));
        assertEquals(503, refused.statusCode(), "as for an outage");
        assertFalse(refused.bodyAsString().contains("not-the-password"));
        assertEquals(503, visitor.get("/health/ready").statusCode());
    }

    @Test
    void givenAPasswordInAUrlOnTheCommandLine_thenRefusedWithWhereToPutItAndConfigNeverPrintsIt() throws Exception {
        CommandRunner inUrl = CommandRunner.run("", "config", "--session-store", "redis://gatehouse:" + ACL_PASSWORD + "@127.0.0.1:" + redis.port);
        assertEquals(2, inUrl.exitCode, inUrl.toString());
        assertTrue(inUrl.err.contains("GATEHOUSE_REDIS_PASSWORD or --session-store-password-file"), inUrl.err);
        assertFalse(inUrl.err.contains(ACL_PASSWORD) || inUrl.out.contains(ACL_PASSWORD));

        CommandRunner fromEnvironment = CommandRunner.runIn(Map.of("GATEHOUSE_REDIS_PASSWORD", ACL_PASSWORD), "config", "--session-store",
                "redis://gatehouse@127.0.0.1:" + redis.port);
        assertEquals(0, fromEnvironment.exitCode, fromEnvironment.toString());
        assertTrue(fromEnvironment.out.contains("# session store: redis, standalone, TLS off, password set (masked)"), fromEnvironment.out);
        assertFalse(fromEnvironment.out.contains(ACL_PASSWORD));

        Path file = dataDir.resolveSibling(dataDir.getFileName() + "-redis-password");
        Files.writeString(file, ACL_PASSWORD + "\n");
        CommandRunner fromFile = CommandRunner.run("", "config", "--session-store", "redis://gatehouse@127.0.0.1:" + redis.port,
                "--session-store-password-file", file.toString());
        assertEquals(0, fromFile.exitCode, fromFile.err);
        assertTrue(fromFile.out.contains("password set (masked)") && !fromFile.out.contains(ACL_PASSWORD), fromFile.out);
        CommandRunner none = CommandRunner.run("", "config");
        assertTrue(none.out.contains("# session store: memory, inside this process"), none.out);
    }
}
