package dev.gatehouse.app;

import dev.gatehouse.domain.Username;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** S21 over real HTTP: many requests at once on one session, and a logout in the middle of them. */
@ExtendWith(VertxExtension.class)
class ConcurrencyTest {

    private static final String PASSWORD = "correct horse battery staple";

    @TempDir
    Path dataDir;
    private TestServer server;
    private Browser alice;

    @BeforeEach
    void start(Vertx vertx) {
        server = new TestServer(vertx, dataDir);
        CommandRunner.addUser(dataDir, "alice", PASSWORD);
        alice = new Browser(vertx, server.port());
        assertEquals(303, alice.logIn("alice", PASSWORD).statusCode());
    }

    private int storedSessionsOfAlice() {
        return server.running.sessions().listLoggedIn(Optional.of(new Username("alice"))).toCompletableFuture().join().size();
    }

    @Test
    void givenAHundredParallelRequestsOnOneSession_thenEachIsGreetedWithoutAnError() {
        // Past the touch interval, so the requests race to record activity too.
        server.clock.advance(Duration.ofMinutes(2));
        List<Future<HttpResponse<Buffer>>> requests = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            requests.add(alice.getAsync("/"));
        }
        for (HttpResponse<Buffer> response : Future.all(requests).await().<HttpResponse<Buffer>>list()) {
            assertEquals(200, response.statusCode());
            assertTrue(response.bodyAsString().contains("Hello, alice!"));
        }
        assertEquals(1, storedSessionsOfAlice());
    }

    @Test
    void givenALogoutAmongParallelRequests_thenNoneOfThemBringsTheSessionBack() {
        String csrf = Browser.csrfOf(alice.get("/"));
        server.clock.advance(Duration.ofMinutes(2));
        List<Future<HttpResponse<Buffer>>> requests = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            requests.add(alice.getAsync("/"));
            if (i == 25) {
                requests.add(alice.sendAsync("/logout", Map.of("csrf", csrf)));
            }
        }
        for (HttpResponse<Buffer> response : Future.all(requests).await().<HttpResponse<Buffer>>list()) {
            assertTrue(response.statusCode() == 200 || response.statusCode() == 303, "status " + response.statusCode());
        }
        assertEquals(0, storedSessionsOfAlice(), "the logout stands");
        assertTrue(alice.get("/").bodyAsString().contains("Welcome to Gatehouse"));
    }
}
