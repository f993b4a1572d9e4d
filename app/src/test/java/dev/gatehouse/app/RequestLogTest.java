package dev.gatehouse.app;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.gatehouse.adapter.vertx.web.HttpSettings;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** serve --access-log: one JSON line per request, with the session's handle and never the cookie. */
@ExtendWith(VertxExtension.class)
class RequestLogTest {

    @TempDir
    Path dataDir;

    @Test
    void givenTheAccessLog_thenEachRequestIsOneLineWithTheSessionHandleAndNoSecret(Vertx vertx) {
        ListAppender<ILoggingEvent> lines = new ListAppender<>();
        lines.start();
        Logger requests = (Logger) LoggerFactory.getLogger("gatehouse.requests");
        requests.addAppender(lines);
        try {
            HttpSettings http = new HttpSettings("127.0.0.1", 0, HttpSettings.DEFAULT_FORM_BODY_LIMIT, HttpSettings.DEFAULT_MAX_URL_LENGTH,
                    HttpSettings.DEFAULT_MAX_HEADER_SIZE, HttpSettings.DEFAULT_MAX_FORM_FIELDS, Duration.ofSeconds(30), true, Set.of());
            TestServer server = new TestServer(vertx, dataDir, http);
            Browser browser = new Browser(vertx, server.port());
            assertEquals(303, browser.logIn("admin", server.adminPassword).statusCode());
            assertEquals(200, browser.get("/?secret=in-the-query").statusCode());

            List<JsonObject> logged = lines.list.stream().map(event -> new JsonObject(event.getFormattedMessage())).toList();
            JsonObject greeting = logged.get(logged.size() - 1);
            assertEquals("GET", greeting.getString("method"));
            assertEquals("/", greeting.getString("path"), "the path only, never the query");
            assertEquals(200, greeting.getInteger("status"));
            assertTrue(greeting.getString("session").matches("[0-9a-f]{12}"), greeting.encode());
            String all = logged.toString();
            assertFalse(all.contains(browser.cookie) || all.contains(browser.cookie.substring(0, 43)) || all.contains("in-the-query"), all);
        } finally {
            requests.detachAppender(lines);
        }
    }
}
