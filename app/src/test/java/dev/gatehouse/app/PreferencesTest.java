package dev.gatehouse.app;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Session data, as the tutorial means it: preferences kept in the session until logout, and no lost update between tabs. */
@ExtendWith(VertxExtension.class)
class PreferencesTest {

    private static final String PASSWORD = "correct horse battery staple";

    @TempDir
    Path dataDir;

    @Test
    void givenTwoTabsSavingAtOnce_thenBothPreferencesAreKeptUntilLogout(Vertx vertx) {
        TestServer server = new TestServer(vertx, dataDir);
        CommandRunner.addUser(dataDir, "alice", PASSWORD);
        Browser alice = new Browser(vertx, server.port());
        assertEquals(303, alice.logIn("alice", PASSWORD).statusCode());
        String home = alice.get("/home").bodyAsString();
        assertTrue(home.contains("Theme (now light)") && home.contains("Greeting language (now en)"), home);
        String csrf = Browser.csrfOf(alice.get("/home"));

        List<HttpResponse<Buffer>> saved = Future.all(
                alice.sendAsync("/home/preferences", Map.of("csrf", csrf, "name", "theme", "value", "dark")),
                alice.sendAsync("/home/preferences", Map.of("csrf", csrf, "name", "language", "value", "fr"))).await().list();
        saved.forEach(response -> assertEquals(303, response.statusCode()));
        home = alice.get("/home").bodyAsString();
        assertTrue(home.contains("Theme (now dark)") && home.contains("Greeting language (now fr)") && home.contains("Bienvenue alice!"), home);

        assertEquals(400, alice.post("/home/preferences", Map.of("csrf", csrf, "name", "theme", "value", "<script>")).statusCode());
        alice.post("/logout", Map.of("csrf", Browser.csrfOf(alice.get("/"))));
        assertEquals(303, alice.logIn("alice", PASSWORD).statusCode());
        assertTrue(alice.get("/home").bodyAsString().contains("Theme (now light)"), "a new session starts without them");
    }
}
