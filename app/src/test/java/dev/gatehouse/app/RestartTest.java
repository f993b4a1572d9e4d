package dev.gatehouse.app;

import io.vertx.core.Vertx;
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
        assertTrue(leavingAfter.get("/").bodyAsString().contains("You are not logged in!"), "a logout stays a logout");
        assertFalse(Files.exists(snapshot), "a snapshot is read once");
    }
}
