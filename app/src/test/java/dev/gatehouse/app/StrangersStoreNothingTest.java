package dev.gatehouse.app;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.gatehouse.adapter.vertx.driven.memory.InMemorySessionRepository;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 12: nobody fills the server's memory. A visitor who has not logged in costs the store
 * nothing, however many login forms they open or logouts they post; and a user who logs in again
 * and again holds at most the cap, the oldest sessions ending first.
 */
@ExtendWith(VertxExtension.class)
class StrangersStoreNothingTest {

    private static final int FLOOD = 100_000;
    private static final int IN_FLIGHT = 64;

    @TempDir
    Path dataDir;

    @Test
    void givenAFloodOfLoginFormsAndLogoutsFromStrangers_thenTheStoreHoldsOnlyTheLoggedInSessions(Vertx vertx) {
        TestServer server = new TestServer(vertx, dataDir);
        Browser admin = new Browser(vertx, server.port());
        assertEquals(303, admin.logIn("admin", server.adminPassword).statusCode());
        InMemorySessionRepository store = (InMemorySessionRepository) server.running.sessions();
        assertEquals(1, store.size());

        WebClient client = WebClient.create(vertx, new WebClientOptions().setKeepAlive(true).setFollowRedirects(false), new PoolOptions().setHttp1MaxSize(IN_FLIGHT));
        AtomicInteger sent = new AtomicInteger();
        AtomicInteger unexpected = new AtomicInteger();
        Promise<Void> flooded = Promise.promise();
        AtomicInteger running = new AtomicInteger(IN_FLIGHT);
        for (int lane = 0; lane < IN_FLIGHT; lane++) {
            flood(client, server.port(), sent, unexpected, () -> {
                if (running.decrementAndGet() == 0) {
                    flooded.complete();
                }
            });
        }
        flooded.future().await();

        assertEquals(0, unexpected.get(), "every form was shown and every logout answered");
        assertEquals(1, store.size(), FLOOD + " requests from strangers, and only the one logged-in session is stored");
        assertTrue(admin.get("/").bodyAsString().contains("Hello, admin!"));
    }

    /** One lane of the flood: a login form, then a logout without a session, alternately, until the count is reached. */
    private static void flood(WebClient client, int port, AtomicInteger sent, AtomicInteger unexpected, Runnable done) {
        int n = sent.getAndIncrement();
        if (n >= FLOOD) {
            done.run();
            return;
        }
        Future<io.vertx.ext.web.client.HttpResponse<Buffer>> answer = n % 2 == 0
                ? client.request(HttpMethod.GET, port, "127.0.0.1", "/login").send()
                : client.request(HttpMethod.POST, port, "127.0.0.1", "/logout").putHeader("Content-Type", "application/x-www-form-urlencoded")
                        .sendBuffer(Buffer.buffer("csrf=x"));
        answer.onComplete(outcome -> {
            int expected = n % 2 == 0 ? 200 : 303;
            if (outcome.failed() || outcome.result().statusCode() != expected) {
                unexpected.incrementAndGet();
            }
            flood(client, port, sent, unexpected, done);
        });
    }

    @Test
    void givenMoreLoginsThanTheCap_thenTheUserHoldsTheCapAndTheOldestEndedAreAudited(Vertx vertx) {
        ListAppender<ILoggingEvent> audit = new ListAppender<>();
        audit.start();
        Logger auditLog = (Logger) LoggerFactory.getLogger("gatehouse.audit");
        auditLog.addAppender(audit);
        try {
            TestServer server = new TestServer(vertx, dataDir);
            List<Browser> browsers = new ArrayList<>();
            for (int i = 0; i < 22; i++) {
                Browser browser = new Browser(vertx, server.port());
                server.clock.advance(java.time.Duration.ofSeconds(1));
                assertEquals(303, browser.logIn("admin", server.adminPassword).statusCode());
                browsers.add(browser);
            }
            assertEquals(20, server.running.sessions().listLoggedIn(Optional.empty()).toCompletableFuture().join().size());
            assertEquals(302, browsers.get(0).get("/home").statusCode(), "the oldest ended first");
            assertEquals(302, browsers.get(1).get("/home").statusCode());
            assertEquals(200, browsers.get(2).get("/home").statusCode());
            assertEquals(200, browsers.get(21).get("/home").statusCode(), "never the new one");
            assertEquals(2, audit.list.stream().filter(event -> event.getFormattedMessage().contains("\"event\":\"session_evicted\"")).count());
        } finally {
            auditLog.detachAppender(audit);
        }
    }
}
