package dev.gatehouse.app;

import dev.gatehouse.application.services.RedisProcess;
import dev.gatehouse.application.services.Needs;
import dev.gatehouse.app.wiring.Wiring;
import dev.gatehouse.app.config.SessionStoreLocation;
import dev.gatehouse.app.config.UserDirectoryLocation;
import dev.gatehouse.adapter.vertx.web.HttpSettings;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import io.vertx.pgclient.PgBuilder;
import io.vertx.sqlclient.Pool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * S20 with a Redis of the test's own (redis-server on a free port), so that it can be stopped and
 * started again without touching the machine's: requests that need the store get 503 with
 * Retry-After, nothing is set, the process stays up, and service comes back with the store.
 */
@ExtendWith(VertxExtension.class)
class OutageTest {

    @TempDir
    Path dataDir;
    private RedisProcess redis;

    private RedisProcess startRedis(int port) throws IOException {
        return RedisProcess.start(port);
    }

    private static void stop(RedisProcess process) {
        process.close();
    }

    @AfterEach
    void stopRedis() {
        if (redis != null) {
            stop(redis);
        }
    }

    private static void assertUnavailable(HttpResponse<Buffer> response) {
        assertEquals(503, response.statusCode());
        assertEquals("5", response.getHeader("Retry-After"));
        assertTrue(response.bodyAsString().contains("Briefly unavailable"));
        assertFalse(response.bodyAsString().contains("Exception"), "no internals");
        assertTrue(response.cookies().isEmpty(), "nothing set");
    }

    @Needs(Needs.Service.REDIS_SERVER_BINARY)
    @Test
    void givenRedisGoesDown_thenRequestsGet503AndServiceComesBackWithIt(Vertx vertx) throws Exception {
        int port = RedisProcess.freePort();
        redis = startRedis(port);
        TestServer server = new TestServer(vertx, dataDir, HttpSettings.defaults("127.0.0.1", 0),
                SessionStoreLocation.parse("redis://127.0.0.1:" + port));
        Browser admin = new Browser(vertx, server.port());
        assertEquals(303, admin.logIn("admin", server.adminPassword).statusCode());
        String csrf = Browser.csrfOf(admin.get("/"));

        assertEquals(200, admin.get("/health/ready").statusCode());
        stop(redis);
        assertEquals(503, admin.get("/health/ready").statusCode(), "not ready without its session store");
        assertEquals(200, admin.get("/health/live").statusCode(), "but alive");
        assertUnavailable(admin.get("/"));
        assertUnavailable(admin.get("/home"));
        assertUnavailable(admin.post("/logout", Map.of("csrf", csrf)));
        Browser visitor = new Browser(vertx, server.port());
        visitor.cookie = admin.cookie;
        assertUnavailable(visitor.post("/login", Map.of("username", "admin", "password", server.adminPassword, "csrf", csrf)));
        assertEquals(200, new Browser(vertx, server.port()).get("/").statusCode(), "a page that needs no session still works");

        redis = startRedis(port);
        assertEquals(200, admin.get("/health/ready").statusCode(), "ready again by itself");
        assertTrue(admin.get("/").bodyAsString().contains("Welcome to Gatehouse"), "back, and this Redis kept nothing");
        assertEquals(303, new Browser(vertx, server.port()).logIn("admin", server.adminPassword).statusCode(), "logins work again");
    }

    @Needs(Needs.Service.POSTGRES)
    @Test
    void givenPostgreSQLGoesAway_thenLoginsGet503GreetingsGoOnAndLoginsComeBackWithIt(Vertx vertx) {
        TcpCutter database = new TcpCutter(vertx, "127.0.0.1", 5432).mend();
        String url = "postgresql://postgres@127.0.0.1:" + database.port() + "/test";
        Pool admin = PgBuilder.pool().connectingTo("postgresql://postgres@127.0.0.1:5432/test").using(vertx).build();
        admin.query("DROP TABLE IF EXISTS " + Wiring.POSTGRES_TABLE).execute().await();
        try {
            TestServer server = new TestServer(vertx, dataDir, HttpSettings.defaults("127.0.0.1", 0), SessionStoreLocation.MEMORY,
                    UserDirectoryLocation.parse(url));
            Browser loggedIn = new Browser(vertx, server.port());
            assertEquals(303, loggedIn.logIn("admin", server.adminPassword).statusCode());

            database.cut();
            assertUnavailable(new Browser(vertx, server.port()).logIn("admin", server.adminPassword));
            assertTrue(loggedIn.get("/").bodyAsString().contains("Hello, admin!"),
                    "greetings go on: credential versions are answered from memory");

            database.mend();
            assertEquals(303, new Browser(vertx, server.port()).logIn("admin", server.adminPassword).statusCode(), "logins work again");
        } finally {
            admin.query("DROP TABLE IF EXISTS " + Wiring.POSTGRES_TABLE).execute().await();
            admin.close().await();
        }
    }
}
