package dev.gatehouse.app;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetSocket;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A restart of a single server on the embedded store logs nobody out: the sessions go to a snapshot and come back. */
@ExtendWith(VertxExtension.class)
class RestartTest {

    private static final String PASSWORD = "correct horse battery staple";

    @TempDir
    Path dataDir;

    @Test
    void givenAStopAndAStart_thenLoggedInBrowsersStayLoggedInAndLoggedOutOnesStayOut(Vertx vertx) throws Exception {
        TestServer before = new TestServer(vertx, dataDir);
        CommandRunner.addUser(dataDir, "alice", PASSWORD);
        Browser staying = new Browser(vertx, before.port());
        assertEquals(303, staying.logIn("alice", PASSWORD).statusCode());
        Browser leaving = new Browser(vertx, before.port());
        assertEquals(303, leaving.logIn("alice", PASSWORD).statusCode());
        String leavingCookie = leaving.cookie;
        leaving.post("/logout", Map.of("csrf", Browser.csrfOf(leaving.get("/"))));

        before.running.stop().await();
        Path snapshot = dataDir.resolve("sessions.snapshot");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(snapshot)));
        assertFalse(Files.readString(snapshot).contains(staying.cookie.substring(0, 43)), "no session id in the snapshot");

        TestServer after = new TestServer(vertx, dataDir);
        Browser stayingAfter = new Browser(vertx, after.port());
        stayingAfter.cookie = staying.cookie;
        assertTrue(stayingAfter.get("/").bodyAsString().contains("Hello, alice!"), "still logged in after the restart");
        Browser leavingAfter = new Browser(vertx, after.port());
        leavingAfter.cookie = leavingCookie;
        assertTrue(leavingAfter.get("/").bodyAsString().contains("Welcome to Gatehouse"), "a logout stays a logout");
    }

    @Test
    void givenAKillAfterTheLastSnapshot_thenItsSessionsComeBackAndALogoutSinceStaysALogout(Vertx vertx) throws Exception {
        TestServer before = new TestServer(vertx, dataDir);
        CommandRunner.addUser(dataDir, "alice", PASSWORD);
        Browser staying = new Browser(vertx, before.port());
        assertEquals(303, staying.logIn("alice", PASSWORD).statusCode());
        Browser leaving = new Browser(vertx, before.port());
        assertEquals(303, leaving.logIn("alice", PASSWORD).statusCode());
        String leavingCookie = leaving.cookie;
        // What the server does every minute, then every second: the snapshot, then the journal of what ended since.
        before.running.stores().keep();
        leaving.post("/logout", Map.of("csrf", Browser.csrfOf(leaving.get("/"))));
        Browser late = new Browser(vertx, before.port());
        assertEquals(303, late.logIn("alice", PASSWORD).statusCode());
        before.running.stores().noteEnded();

        // kill -9: the first server never stops; the next one starts from its files.
        TestServer after = new TestServer(vertx, dataDir);
        Browser stayingAfter = new Browser(vertx, after.port());
        stayingAfter.cookie = staying.cookie;
        assertTrue(stayingAfter.get("/").bodyAsString().contains("Hello, alice!"), "in the snapshot: still logged in");
        Browser leavingAfter = new Browser(vertx, after.port());
        leavingAfter.cookie = leavingCookie;
        assertTrue(leavingAfter.get("/").bodyAsString().contains("Welcome to Gatehouse"), "a logout is never undone by a crash");
        Browser lateAfter = new Browser(vertx, after.port());
        lateAfter.cookie = late.cookie;
        assertTrue(lateAfter.get("/").bodyAsString().contains("Welcome to Gatehouse"), "begun after the last snapshot: what a crash loses");
    }

    @Test
    void givenADamagedSnapshot_thenTheServerStartsAndMovesItAside(Vertx vertx) throws Exception {
        Files.writeString(dataDir.resolve("sessions.snapshot"), "{\"format\":\"gatehouse-sessions/2\"}\nnot json at all");
        TestServer server = new TestServer(vertx, dataDir);
        Browser browser = new Browser(vertx, server.port());
        assertEquals(303, browser.logIn("admin", server.adminPassword).statusCode());
        try (var files = Files.list(dataDir)) {
            assertEquals(1, files.filter(file -> file.getFileName().toString().startsWith("sessions.snapshot.corrupt-")).count(),
                    "kept aside for a person to look at");
        }
    }

    @Test
    void givenARequestInFlight_whenTheServerStops_thenItIsStillAnsweredBeforeTheStopCompletes(Vertx vertx) {
        TestServer server = new TestServer(vertx, dataDir);
        NetSocket socket = vertx.createNetClient().connect(server.port(), "127.0.0.1").await();
        Buffer received = Buffer.buffer();
        Promise<Void> answered = Promise.promise();
        socket.handler(bytes -> {
            received.appendBuffer(bytes);
            if (received.toString().contains("This form has expired")) {
                answered.tryComplete();
            }
        });
        // Closed without an answer fails the test below instead of leaving it waiting.
        socket.closeHandler(closed -> answered.tryComplete());
        String body = "username=alice&password=not+the+password&csrf=none";
        socket.write("POST /login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                + "Content-Length: " + body.length() + "\r\n\r\n" + body.substring(0, 10)).await();
        // Another request answered on the same event loop: by then the first one's headers have been read.
        new Browser(vertx, server.port()).get("/");

        Future<Void> stopping = server.running.stop();
        socket.write(body.substring(10)).await();

        answered.future().await();
        assertTrue(received.toString().startsWith("HTTP/1.1 403"), received.toString());
        stopping.await();
    }
}
