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
import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One-time messages carried in the session across a redirect, shown once. */
@ExtendWith(VertxExtension.class)
class FlashMessagesTest {

    private static final String LOGGED_OUT = "You have been logged out.";
    private static final String EXPIRED = "Your session timed out. Please log in again.";

    @TempDir
    Path dataDir;

    private TestServer server;
    private Browser browser;

    @BeforeEach
    void loggedIn(Vertx vertx) {
        server = new TestServer(vertx, dataDir);
        browser = new Browser(vertx, server.port());
        assertEquals(303, browser.logIn("admin", server.adminPassword).statusCode());
    }

    @Test
    void givenLogout_thenTheStartPageSaysSoOnceAndNobodyIsLoggedIn() {
        HttpResponse<Buffer> logout = browser.post("/logout", Map.of("csrf", Browser.csrfOf(browser.get("/"))));
        assertEquals("/", logout.getHeader("Location"));

        HttpResponse<Buffer> start = browser.get("/");
        assertTrue(start.bodyAsString().contains(LOGGED_OUT), start.bodyAsString());
        assertTrue(start.bodyAsString().contains("Welcome to Gatehouse"));

        HttpResponse<Buffer> again = browser.get("/");
        assertFalse(again.bodyAsString().contains(LOGGED_OUT), "a flash message shows once");
        assertEquals(302, browser.get("/home").statusCode());
    }

    @Test
    void givenAnExpiredSession_thenTheLoginPageItLeadsToSaysSoOnce() {
        server.clock.advance(TestServer.IDLE.plus(Duration.ofSeconds(1)));

        HttpResponse<Buffer> home = browser.get("/home");
        assertEquals(302, home.statusCode());
        assertEquals("/login?next=%2Fhome", home.getHeader("Location"));

        HttpResponse<Buffer> login = browser.get("/login?next=%2Fhome");
        assertTrue(login.bodyAsString().contains(EXPIRED), login.bodyAsString());
        assertFalse(browser.get("/login?next=%2Fhome").bodyAsString().contains(EXPIRED), "shown once");

        // The form the message came with works: the same session logs in.
        String csrf = Browser.csrfOf(browser.get("/login"));
        HttpResponse<Buffer> loggedIn = browser.post("/login", Map.of("username", "admin", "password", server.adminPassword,
                "csrf", csrf, "next", "/home"));
        assertEquals("/home", loggedIn.getHeader("Location"));
    }

    @Test
    void givenAnExpiredSessionAtTheStartPage_thenItSaysSoOnceAndClearsTheDeadCookie() {
        server.clock.advance(TestServer.ABSOLUTE);

        HttpResponse<Buffer> start = browser.get("/");

        assertTrue(start.bodyAsString().contains(EXPIRED), start.bodyAsString());
        assertNull(browser.cookie, "the dead cookie is cleared");
        assertFalse(browser.get("/").bodyAsString().contains(EXPIRED));
    }

    /** A second tab or device with the same session: a copy of the session cookie. */
    private Browser sameSession(Vertx vertx) {
        Browser tab = new Browser(vertx, server.port());
        tab.cookie = browser.cookie;
        return tab;
    }

    private static String startPage(Browser browser) {
        return browser.get("/").bodyAsString();
    }

    @Test
    void givenASessionEndedByLogoutElsewhere_thenTheOtherTabIsToldItWasLoggedOut(Vertx vertx) {
        Browser otherTab = sameSession(vertx);
        browser.post("/logout", Map.of("csrf", Browser.csrfOf(browser.get("/"))));
        String page = startPage(otherTab);
        assertTrue(page.contains(LOGGED_OUT) && !page.contains(EXPIRED), page);
    }

    @Test
    void givenASessionEndedFromTheUsersOtherSession_thenItIsToldTheUserEndedIt(Vertx vertx) {
        Browser phone = new Browser(vertx, server.port());
        assertEquals(303, phone.logIn("admin", server.adminPassword).statusCode());
        String csrf = Browser.csrfOf(phone.get("/sessions"));
        assertEquals(303, phone.post("/sessions/end", Map.of("csrf", csrf, "session", "others")).statusCode());

        HttpResponse<Buffer> home = browser.get("/home");
        assertEquals(302, home.statusCode());
        String login = browser.get(home.getHeader("Location")).bodyAsString();
        assertTrue(login.contains("You ended this session from another one. Please log in again."), login);
    }

    @Test
    void givenAPasswordChangedInAnotherSession_thenTheOldSessionIsToldWhy(Vertx vertx) {
        Browser phone = new Browser(vertx, server.port());
        assertEquals(303, phone.logIn("admin", server.adminPassword).statusCode());
        String fresh = "mauve kettle drifts over quiet rooftops";
        String csrf = Browser.csrfOf(phone.get("/password"));
        HttpResponse<Buffer> changed = phone.post("/password", Map.of("csrf", csrf, "current", server.adminPassword, "new", fresh, "repeat", fresh));
        assertTrue(changed.bodyAsString().contains("<title>Password changed"), changed.bodyAsString());

        String page = startPage(browser);
        assertTrue(page.contains("Your password was changed, so this session ended. Log in with the new one."), page);
        assertFalse(startPage(browser).contains("password was changed"), "shown once");
        assertTrue(startPage(phone).contains("Hello, admin!"), "the session that changed it goes on");
    }

    @Test
    void givenTheApi_thenA401SaysWhyTheSessionEnded() {
        server.clock.advance(TestServer.IDLE.plus(Duration.ofSeconds(1)));
        HttpResponse<Buffer> who = browser.get("/api/session");
        assertEquals(401, who.statusCode());
        assertEquals(EXPIRED + " (POST /api/session)", who.bodyAsJsonObject().getString("detail"));
    }

    @Test
    void givenAVisitorWhoNeverHadASession_thenNoMessageAndNothingStored(Vertx vertx) {
        Browser stranger = new Browser(vertx, server.port());
        int before = ((dev.gatehouse.adapter.vertx.driven.memory.InMemorySessionRepository) server.running.sessions()).size();

        HttpResponse<Buffer> home = stranger.get("/home");
        HttpResponse<Buffer> start = stranger.get("/");

        assertNull(home.getHeader("Set-Cookie"), "no session is made to say nothing");
        assertFalse(start.bodyAsString().contains(EXPIRED) || start.bodyAsString().contains(LOGGED_OUT));
        assertEquals(before, ((dev.gatehouse.adapter.vertx.driven.memory.InMemorySessionRepository) server.running.sessions()).size());
    }
}
