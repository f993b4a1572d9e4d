package dev.gatehouse.app;

import dev.gatehouse.adapter.vertx.driven.memory.InMemorySessionRepository;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** /health/live and /health/ready: for load balancers and orchestrators; they make no session. */
@ExtendWith(VertxExtension.class)
class HealthTest {

    @TempDir
    Path dataDir;

    @Test
    void givenARunningServer_thenItIsLiveAndReadyAndTheProbesLeaveNoSession(Vertx vertx) {
        TestServer server = new TestServer(vertx, dataDir);
        Browser probe = new Browser(vertx, server.port());
        for (String path : new String[] {"/health/live", "/health/ready"}) {
            HttpResponse<Buffer> response = probe.get(path);
            assertEquals(200, response.statusCode(), path);
            assertEquals("UP", response.bodyAsJsonObject().getString("status"), path);
            assertTrue(response.cookies().isEmpty(), path);
        }
        assertEquals(0, ((InMemorySessionRepository) server.running.sessions()).size());
    }
}
