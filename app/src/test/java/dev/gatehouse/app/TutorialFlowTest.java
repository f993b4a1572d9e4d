package dev.gatehouse.app;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Flask tutorial's behaviour, end to end over real HTTP against the real composition root. */
@ExtendWith(VertxExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TutorialFlowTest {

    @TempDir
    static Path dataDir;
    private TestServer server;
    private Vertx vertx;

    @BeforeAll
    void start(Vertx vertx) {
        this.vertx = vertx;
        server = new TestServer(vertx, dataDir);
    }

    private Browser browser() {
        return new Browser(vertx, server.port());
    }

    @Test
    void givenAFirstStart_thenAnAdminIsCreatedWithALongRandomPasswordShownOnceAndStoredOnlyAsAHash() throws Exception {
        assertNotNull(server.adminPassword, server.console);
        assertTrue(server.adminPassword.length() >= 20);
        String users = Files.readString(dataDir.resolve("users.json"));
        assertFalse(users.contains(server.adminPassword));
        assertTrue(users.contains("$pbkdf2$it=210000$"), "PBKDF2-HMAC-SHA512 at OWASP's 210,000 iterations");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir.resolve("users.json"))));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir.resolve("secret"))));
    }

    @Test
    void givenTheWholeTutorial_thenIndexLoginHomeAndLogoutBehaveAsInFlask() {
        Browser browser = browser();
        HttpResponse<Buffer> index = browser.get("/");
        assertEquals(200, index.statusCode());
        assertTrue(index.bodyAsString().contains("Welcome to Gatehouse"));
        assertTrue(index.bodyAsString().contains("href=\"/login\""));

        HttpResponse<Buffer> home = browser.get("/home");
        assertEquals(302, home.statusCode());
        assertEquals("/login?next=%2Fhome", home.getHeader("Location"));

        HttpResponse<Buffer> form = browser.get("/login");
        assertEquals(200, form.statusCode());
        assertTrue(form.bodyAsString().contains("name=\"username\""));
        assertTrue(form.bodyAsString().contains("type=\"password\""));
        String csrf = Browser.csrfOf(form);

        HttpResponse<Buffer> login = browser.post("/login", Map.of("username", "admin", "password", server.adminPassword, "csrf", csrf));
        assertEquals(303, login.statusCode());
        assertEquals("/", login.getHeader("Location"));

        HttpResponse<Buffer> greeting = browser.get("/");
        assertTrue(greeting.bodyAsString().contains("Hello, admin!"), greeting.bodyAsString());
        assertTrue(greeting.bodyAsString().contains("action=\"/logout\""), "a logout button");
        assertTrue(browser.get("/home").bodyAsString().contains("Welcome admin!"));

        HttpResponse<Buffer> confirm = browser.get("/logout");
        assertEquals(200, confirm.statusCode());
        assertTrue(confirm.bodyAsString().contains("method=\"post\""));
        assertTrue(browser.get("/").bodyAsString().contains("Hello, admin!"), "GET /logout changes nothing");

        String stolenCopy = browser.cookie;
        HttpResponse<Buffer> logout = browser.post("/logout", Map.of("csrf", Browser.csrfOf(confirm)));
        assertEquals(303, logout.statusCode());
        assertEquals("/", logout.getHeader("Location"));
        assertNotEquals(stolenCopy, browser.cookie, "the logged-in cookie is replaced (by an empty session carrying the message)");
        String start = browser.get("/").bodyAsString();
        assertTrue(start.contains("You have been logged out.") && !start.contains("You are not logged in."), "the message says it once: " + start);

        browser.cookie = stolenCopy;
        assertTrue(browser.get("/").bodyAsString().contains("Welcome to Gatehouse"), "a copy of the old cookie no longer works");
    }

    @Test
    void givenANextPage_whenLoggingIn_thenTheBrowserGoesThere() {
        Browser browser = browser();
        String csrf = Browser.csrfOf(browser.get("/login?next=%2Fhome"));
        HttpResponse<Buffer> login = browser.post("/login", Map.of("username", "admin", "password", server.adminPassword,
                "csrf", csrf, "next", "/home"));
        assertEquals(303, login.statusCode());
        assertEquals("/home", login.getHeader("Location"));
    }

    @Test
    void givenBadCredentials_thenTheFormComesBackWithAGenericMessageAndTheUsernameKept() {
        Browser browser = browser();
        HttpResponse<Buffer> rejected = browser.logIn("admin", "not the password at all");
        assertEquals(200, rejected.statusCode());
        assertTrue(rejected.bodyAsString().contains("Invalid username or password."));
        assertTrue(rejected.bodyAsString().contains("value=\"admin\""));
        assertTrue(browser.get("/").bodyAsString().contains("Welcome to Gatehouse"));
    }

    @Test
    void givenAUserAddedWhileTheServerRuns_thenThatUserCanLogInWithoutARestart() {
        CommandRunner.addUser(dataDir, "alice", "correct horse battery staple");
        Browser browser = browser();
        assertEquals(303, browser.logIn("alice", "correct horse battery staple").statusCode());
        assertTrue(browser.get("/").bodyAsString().contains("Hello, alice!"));
    }
}
