package dev.gatehouse.app;

import dev.gatehouse.adapter.vertx.web.HttpSettings;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** S18b: every limit is configurable, and what is configured is what holds. */
@ExtendWith(VertxExtension.class)
class LimitsTest {

    @TempDir
    Path dataDir;

    /** The status of each probe: a 1.5 KiB form, a 600-byte URL, 3 KiB of headers, a form with 6 fields. */
    private static int[] probe(Vertx vertx, TestServer server) {
        // A fresh client for each: the server closes a connection after refusing a request at these limits.
        Browser forBody = new Browser(vertx, server.port());
        int body = forBody.postRaw("/login", "username=alice&password=" + "p".repeat(1500) + "&csrf=" + forBody.openLoginForm(),
                "application/x-www-form-urlencoded").statusCode();
        int url = new Browser(vertx, server.port()).get("/login?next=%2F" + "a".repeat(600)).statusCode();
        HttpResponse<Buffer> headers = new Browser(vertx, server.port()).request(HttpMethod.GET, "/")
                .putHeader("X-Padding", "h".repeat(3000)).send().await();
        Browser forFields = new Browser(vertx, server.port());
        int fields = forFields.postRaw("/login", "username=a&password=b&csrf=" + forFields.openLoginForm() + "&x=1&y=2&z=3",
                "application/x-www-form-urlencoded").statusCode();
        return new int[] {body, url, headers.statusCode(), fields};
    }

    @Test
    void givenTheDefaults_thenTheProbesAreWithinThem(Vertx vertx) {
        int[] statuses = probe(vertx, new TestServer(vertx, dataDir));
        assertEquals(200, statuses[0], "a 1.5 KiB form is under 4 KiB");
        assertEquals(200, statuses[1]);
        assertEquals(200, statuses[2]);
        assertEquals(200, statuses[3], "6 fields are under 8");
    }

    @Test
    void givenSmallerLimits_thenEachIsEnforcedWithItsStatus(Vertx vertx) {
        HttpSettings tight = new HttpSettings("127.0.0.1", 0, 1024, 512, 2048, 5, Duration.ofSeconds(30), false, Set.of());
        int[] statuses = probe(vertx, new TestServer(vertx, dataDir, tight));
        assertEquals(413, statuses[0]);
        assertEquals(414, statuses[1]);
        assertEquals(431, statuses[2]);
        assertEquals(400, statuses[3]);
    }
}
