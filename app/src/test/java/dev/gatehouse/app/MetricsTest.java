package dev.gatehouse.app;

import dev.gatehouse.application.services.Needs;
import dev.gatehouse.app.config.ServerConfig;
import dev.gatehouse.app.config.SessionStoreLocation;
import dev.gatehouse.app.config.UserDirectoryLocation;
import dev.gatehouse.adapter.vertx.web.HttpSettings;
import dev.gatehouse.adapter.vertx.driven.hashing.PasswordHashing;
import dev.gatehouse.domain.SessionPolicy;
import dev.gatehouse.domain.ThrottlePolicy;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** /metrics on a listener of its own, in Prometheus's text format; the public listener has no such page. */
@ExtendWith(VertxExtension.class)
class MetricsTest {

    @TempDir
    Path dataDir;

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Test
    void givenAMetricsPort_thenRequestsAndLoginOutcomesAreCountedThereAndNotOnThePublicListener(Vertx vertx) throws Exception {
        int metricsPort = freePort();
        ServerConfig config = new ServerConfig(HttpSettings.defaults("127.0.0.1", 0), dataDir, SessionPolicy.DEFAULT, ThrottlePolicy.DEFAULT,
                SessionStoreLocation.MEMORY, UserDirectoryLocation.FILE, PasswordHashing.DEFAULT_ITERATIONS, null, null,
                Duration.ofMinutes(1), Clock.systemUTC(), "127.0.0.1", metricsPort);
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        Gatehouse.Running running = Gatehouse.start(vertx, config, 1, new PrintStream(console, true, StandardCharsets.UTF_8)).await();
        Browser browser = new Browser(vertx, running.port());
        assertEquals(200, browser.logIn("admin", "not the password at all").statusCode());
        assertEquals(303, browser.logIn("admin", TestServer.adminPasswordIn(console.toString(StandardCharsets.UTF_8))).statusCode());
        assertEquals(200, browser.get("/").statusCode());
        assertEquals(404, browser.get("/metrics").statusCode(), "never on the public listener");
        assertEquals(403, browser.get("/auth/request").statusCode(), "a forward-auth question from no trusted proxy");

        HttpResponse<Buffer> scrape = WebClient.create(vertx).get(metricsPort, "127.0.0.1", "/metrics").send().await();
        assertEquals(200, scrape.statusCode());
        String text = scrape.bodyAsString();
        assertTrue(text.contains("gatehouse_events_total{event=\"login_failed\"} 1.0"), text);
        assertTrue(text.contains("http_server_requests_seconds_count{method=\"POST\",status=\"200\"}"), text);
        assertTrue(text.contains("http_server_requests_seconds_bucket"), "latency as a histogram");
        assertTrue(text.contains("gatehouse_authz_total{decision=\"untrusted\"} 1.0"), "forward-auth answers by decision: " + text);
        assertTrue(text.contains("gatehouse_sessions "), "sessions the embedded store holds");
        assertTrue(text.contains("gatehouse_store_seconds_count{operation=\"save\",outcome=\"ok\",store=\"sessions\"}"), text);
        assertTrue(text.contains("gatehouse_store_seconds_count{operation=\"admit\",outcome=\"ok\",store=\"throttle\"} 2"), "both logins: " + text);
        assertTrue(text.contains("gatehouse_store_seconds_bucket{operation=\"load\",outcome=\"ok\",store=\"sessions\""), "store latency as a histogram");
    }

    @Needs(Needs.Service.REDIS)
    @Test
    void givenSessionsInRedis_thenEachScrapeCountsThem(Vertx vertx) throws Exception {
        SharedStoreTest.removeGatehouseKeys(vertx);
        int metricsPort = freePort();
        ServerConfig config = new ServerConfig(HttpSettings.defaults("127.0.0.1", 0), dataDir, SessionPolicy.DEFAULT, ThrottlePolicy.DEFAULT,
                SessionStoreLocation.parse(SharedStoreTest.REDIS), UserDirectoryLocation.FILE, PasswordHashing.DEFAULT_ITERATIONS, null, null,
                Duration.ofMinutes(1), Clock.systemUTC(), "127.0.0.1", metricsPort);
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        Gatehouse.Running running = Gatehouse.start(vertx, config, 1, new PrintStream(console, true, StandardCharsets.UTF_8)).await();
        Browser browser = new Browser(vertx, running.port());
        assertEquals(303, browser.logIn("admin", TestServer.adminPasswordIn(console.toString(StandardCharsets.UTF_8))).statusCode(),
                "a logged-in session is one the store holds");

        String text = WebClient.create(vertx).get(metricsPort, "127.0.0.1", "/metrics").send().await().bodyAsString();

        Matcher held = Pattern.compile("gatehouse_sessions ([0-9.]+)").matcher(text);
        assertTrue(held.find(), text);
        assertTrue(Double.parseDouble(held.group(1)) >= 1, text);
        running.stop().await();
        SharedStoreTest.removeGatehouseKeys(vertx);
    }
}
