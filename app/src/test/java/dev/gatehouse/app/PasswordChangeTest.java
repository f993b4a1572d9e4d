package dev.gatehouse.app;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** S10 for a change the user makes: the page at /password keeps the session it was used in, and only that one. */
@ExtendWith(VertxExtension.class)
class PasswordChangeTest {

    private static final String OLD = "correct horse battery staple";
    private static final String NEW = "a brand new passphrase";

    @TempDir
    Path dataDir;
    private TestServer server;
    private Vertx vertx;

    @BeforeEach
    void start(Vertx vertx) {
        this.vertx = vertx;
        server = new TestServer(vertx, dataDir);
        CommandRunner.addUser(dataDir, "alice", OLD);
    }

    private Browser loggedInAlice() {
        Browser browser = new Browser(vertx, server.port());
        assertEquals(303, browser.logIn("alice", OLD).statusCode());
        return browser;
    }

    private static HttpResponse<Buffer> submit(Browser browser, String current, String fresh, String repeat) {
        String csrf = Browser.csrfOf(browser.get("/password"));
        return browser.post("/password", Map.of("csrf", csrf, "current", current, "new", fresh, "repeat", repeat));
    }

    private static boolean greetsAlice(Browser browser) {
        return browser.get("/").bodyAsString().contains("Hello, alice!");
    }

    @Test
    void givenAChange_thenThisSessionGoesOnUnderANewCookieAndTheOthersEnd() {
        Browser here = loggedInAlice();
        Browser elsewhere = loggedInAlice();
        String before = here.cookie;

        HttpResponse<Buffer> changed = submit(here, OLD, NEW, NEW);
        assertEquals(200, changed.statusCode());
        assertTrue(changed.bodyAsString().contains("Your password has been changed."), changed.bodyAsString());
        assertNotEquals(before, here.cookie, "a new session id, as at login");
        assertTrue(greetsAlice(here));
        assertFalse(greetsAlice(elsewhere));

        assertEquals(200, new Browser(vertx, server.port()).logIn("alice", OLD).statusCode(), "the old password is refused");
        assertEquals(303, new Browser(vertx, server.port()).logIn("alice", NEW).statusCode());
    }

    @Test
    void givenAWrongCurrentPasswordAMismatchOrACommonNewOne_thenTheFormSaysWhyAndNothingChanges() {
        Browser alice = loggedInAlice();
        assertTrue(submit(alice, "not my password at all", NEW, NEW).bodyAsString().contains("The current password is not right."));
        assertTrue(submit(alice, OLD, NEW, NEW + "!").bodyAsString().contains("The new passwords do not match."));
        assertTrue(submit(alice, OLD, "qwertyuiopasdfgh", "qwertyuiopasdfgh").bodyAsString().contains("too easy to guess"));
        assertTrue(greetsAlice(alice));
        assertEquals(303, new Browser(vertx, server.port()).logIn("alice", OLD).statusCode(), "the password is still the old one");
    }

    @Test
    void givenNoSession_thenThePageSendsToTheLoginAndAPostChangesNothing() {
        Browser anonymous = new Browser(vertx, server.port());
        HttpResponse<Buffer> page = anonymous.get("/password");
        assertEquals(302, page.statusCode());
        assertEquals("/login?next=%2Fpassword", page.getHeader("Location"));
        String csrf = anonymous.openLoginForm();
        HttpResponse<Buffer> post = anonymous.post("/password", Map.of("csrf", csrf, "current", OLD, "new", NEW, "repeat", NEW));
        assertEquals(303, post.statusCode());
        assertEquals(303, new Browser(vertx, server.port()).logIn("alice", OLD).statusCode());
    }
}
