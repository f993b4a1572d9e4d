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
import static org.junit.jupiter.api.Assertions.assertFalse;
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
        assertTrue(home.contains("<option value=\"light\" selected>") && home.contains("<option value=\"en\" selected>"), home);
        assertFalse(home.contains("theme-"), "no theme chosen: the browser's own setting holds");
        String csrf = Browser.csrfOf(alice.get("/home"));

        List<HttpResponse<Buffer>> saved = Future.all(
                alice.sendAsync("/home/preferences", Map.of("csrf", csrf, "name", "theme", "value", "dark")),
                alice.sendAsync("/home/preferences", Map.of("csrf", csrf, "name", "language", "value", "fr"))).await().list();
        saved.forEach(response -> assertEquals(303, response.statusCode()));
        home = alice.get("/home").bodyAsString();
        assertTrue(home.contains("<option value=\"dark\" selected>") && home.contains("<option value=\"fr\" selected>") && home.contains("Bienvenue alice!"), home);
        assertTrue(home.contains("<html lang=\"en\" class=\"theme-dark\">"), "the chosen theme is applied");
        assertTrue(alice.get("/sessions").bodyAsString().contains("class=\"theme-dark\""), "on every page of the account");

        assertEquals(400, alice.post("/home/preferences", Map.of("csrf", csrf, "name", "theme", "value", "<script>")).statusCode());
        alice.post("/logout", Map.of("csrf", Browser.csrfOf(alice.get("/"))));
        assertEquals(303, alice.logIn("alice", PASSWORD).statusCode());
        assertTrue(alice.get("/home").bodyAsString().contains("<option value=\"light\" selected>"), "a new session starts without them");
    }
}
