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
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** "Remember me" over the real server: opt-in, restores a not-fresh session, rotates, detects theft, ends at logout and on a new password. */
@ExtendWith(VertxExtension.class)
class RememberMeFlowTest {

    private static final String PASSWORD = "correct horse battery staple";

    @TempDir
    Path dataDir;

    private TestServer server;

    @BeforeEach
    void start(Vertx vertx) {
        CommandRunner.addUser(dataDir, "alice", PASSWORD);
        server = new TestServer(vertx, dataDir);
    }

    private Browser rememberedBrowser(Vertx vertx) {
        Browser browser = new Browser(vertx, server.port());
        String csrf = browser.openLoginForm();
        HttpResponse<Buffer> login = browser.post("/login", Map.of("username", "alice", "password", PASSWORD, "csrf", csrf, "remember", "on"));
        assertEquals(303, login.statusCode());
        String setRemember = login.headers().getAll("Set-Cookie").stream().filter(c -> c.startsWith(Browser.REMEMBER + "=")).findFirst().orElseThrow();
        assertTrue(setRemember.contains("Max-Age=2592000") && setRemember.contains("HTTPOnly") && setRemember.contains("Secure")
                && setRemember.contains("SameSite=Lax") && setRemember.contains("Path=/"), setRemember);
        return browser;
    }

    /** The browser was closed: its session cookie is gone, the long-lived one stays. */
    private static void closeAndReopen(Browser browser) {
        browser.cookie = null;
    }

    @Test
    void givenNoTick_thenNoRememberCookieIsSet(Vertx vertx) {
        Browser browser = new Browser(vertx, server.port());
        assertEquals(303, browser.logIn("alice", PASSWORD).statusCode());
        assertNull(browser.remember);
    }

    @Test
    void givenARememberedBrowserWithoutItsSession_thenANotFreshSessionIsStartedAndTheTokenRotated(Vertx vertx) {
        Browser browser = rememberedBrowser(vertx);
        String firstToken = browser.remember;
        String firstSession = browser.cookie;
        closeAndReopen(browser);
        server.clock.advance(Duration.ofDays(2));

        HttpResponse<Buffer> home = browser.get("/home");

        assertEquals(200, home.statusCode());
        assertTrue(home.bodyAsString().contains("Welcome alice!"), home.bodyAsString());
        assertNotNull(browser.cookie);
        assertNotEquals(firstSession, browser.cookie);
        assertNotEquals(firstToken, browser.remember, "each use rotates the validator");
        assertTrue(browser.get("/password").bodyAsString().contains("logged in automatically"), "the password page says the session is not fresh");
        assertEquals(false, browser.get("/api/session").bodyAsJsonObject().getBoolean("fresh"));
        HttpResponse<Buffer> sessions = browser.get("/sessions");
        assertEquals(200, sessions.statusCode());
    }

    @Test
    void givenACopiedCookieUsedAfterTheOwnerUsedIt_thenEverySessionOfTheUserEnds(Vertx vertx) {
        Browser owner = rememberedBrowser(vertx);
        Browser thief = new Browser(vertx, server.port());
        thief.remember = owner.remember;
        Browser elsewhere = new Browser(vertx, server.port());
        assertEquals(303, elsewhere.logIn("alice", PASSWORD).statusCode());
        closeAndReopen(owner);
        assertEquals(200, owner.get("/home").statusCode(), "the owner comes back first");
        server.clock.advance(Duration.ofMinutes(5));

        HttpResponse<Buffer> stolen = thief.get("/home");

        assertEquals(302, stolen.statusCode(), "the thief gets nothing");
        assertNull(thief.remember, "and its copy is cleared");
        assertEquals(302, owner.get("/home").statusCode(), "every session of alice has ended, the owner's restored one too");
        assertEquals(302, elsewhere.get("/home").statusCode());
        closeAndReopen(owner);
        assertEquals(302, owner.get("/home").statusCode(), "and no remembered login of hers is left");
    }

    @Test
    void givenLogout_thenTheRememberedLoginIsForgottenAndItsCookieCleared(Vertx vertx) {
        Browser browser = rememberedBrowser(vertx);
        String kept = browser.remember;
        String csrf = Browser.csrfOf(browser.get("/logout"));

        browser.post("/logout", Map.of("csrf", csrf));

        assertNull(browser.remember, "the cookie is cleared");
        browser.remember = kept;
        assertEquals(302, browser.get("/home").statusCode(), "a copy kept from before the logout is worth nothing");
    }

    @Test
    void givenANewPassword_thenRememberedLoginsNoLongerRestore(Vertx vertx) {
        Browser browser = rememberedBrowser(vertx);
        CommandRunner changed = CommandRunner.run("an entirely different passphrase here\n", "users", "passwd", "alice", "--password-stdin",
                "--data-dir", dataDir.toString());
        assertEquals(0, changed.exitCode, changed.toString());
        server.running.users().refresh().toCompletableFuture().join();
        closeAndReopen(browser);

        assertEquals(302, browser.get("/home").statusCode());
        assertNull(browser.remember);
    }

    @Test
    void givenTheApi_thenRememberIsOptInThereToo(Vertx vertx) {
        Browser client = new Browser(vertx, server.port());
        HttpResponse<Buffer> login = client.send(client.request(io.vertx.core.http.HttpMethod.POST, "/api/session"),
                "{\"username\":\"alice\",\"password\":\"" + PASSWORD + "\",\"remember\":true}", "application/json");
        assertEquals(200, login.statusCode());
        assertEquals(true, login.bodyAsJsonObject().getBoolean("fresh"));
        assertNotNull(client.remember);
        closeAndReopen(client);

        HttpResponse<Buffer> whoAmI = client.get("/api/session");

        assertEquals(200, whoAmI.statusCode());
        assertFalse(whoAmI.bodyAsJsonObject().getBoolean("fresh"));
    }
}
