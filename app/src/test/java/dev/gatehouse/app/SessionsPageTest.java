package dev.gatehouse.app;

import dev.gatehouse.domain.Username;
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
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The self-service sessions page: a user sees where they are logged in and ends what they do not recognise. */
@ExtendWith(VertxExtension.class)
class SessionsPageTest {

    private static final String PASSWORD = "correct horse battery staple";
    private static final String FIREFOX = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0";
    private static final String CHROME = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36";
    private static final Pattern END_BUTTON = Pattern.compile("name=\"session\" value=\"([0-9a-f]{12})\"");

    @TempDir
    Path dataDir;
    private TestServer server;
    private Vertx vertx;

    @BeforeEach
    void start(Vertx vertx) {
        this.vertx = vertx;
        server = new TestServer(vertx, dataDir);
        CommandRunner.addUser(dataDir, "alice", PASSWORD);
        CommandRunner.addUser(dataDir, "bob", PASSWORD);
    }

    private Browser loggedIn(String user, String userAgent) {
        Browser browser = new Browser(vertx, server.port());
        browser.userAgent = userAgent;
        assertEquals(303, browser.logIn(user, PASSWORD).statusCode());
        return browser;
    }

    private static boolean greets(Browser browser, String user) {
        return browser.get("/").bodyAsString().contains("Hello, " + user + "!");
    }

    private static HttpResponse<Buffer> end(Browser browser, String which) {
        String csrf = Browser.csrfOf(browser.get("/sessions"));
        return browser.post("/sessions/end", Map.of("csrf", csrf, "session", which));
    }

    @Test
    void givenTwoDevices_thenThePageListsBothMarksThisOneAndEndsTheOther() {
        Browser laptop = loggedIn("alice", FIREFOX);
        Browser desktop = loggedIn("alice", CHROME);
        String page = laptop.get("/sessions").bodyAsString();
        assertTrue(page.contains("Firefox on Linux") && page.contains("Chrome on Windows"), page);
        assertEquals(1, page.split("This device", -1).length - 1);
        assertTrue(page.indexOf("Firefox on Linux") < page.indexOf("Chrome on Windows"), "this device comes first");
        Matcher other = END_BUTTON.matcher(page);
        assertTrue(other.find());

        HttpResponse<Buffer> ended = end(laptop, other.group(1));
        assertEquals(303, ended.statusCode());
        assertEquals("/sessions", ended.getHeader("Location"));
        assertFalse(greets(desktop, "alice"));
        assertTrue(greets(laptop, "alice"));
    }

    @Test
    void givenEndAllOthers_thenOnlyThisSessionIsLeftAndOtherUsersAreUntouched() {
        Browser here = loggedIn("alice", FIREFOX);
        Browser second = loggedIn("alice", CHROME);
        Browser third = loggedIn("alice", null);
        Browser bob = loggedIn("bob", FIREFOX);
        assertEquals(303, end(here, "others").statusCode());
        assertTrue(greets(here, "alice"));
        assertFalse(greets(second, "alice"));
        assertFalse(greets(third, "alice"));
        assertTrue(greets(bob, "bob"));
    }

    @Test
    void givenSomeoneElsesHandle_thenNothingEnds() {
        Browser alice = loggedIn("alice", FIREFOX);
        Browser aliceElsewhere = loggedIn("alice", CHROME);
        Browser bob = loggedIn("bob", CHROME);
        String bobHandle = server.running.sessions().listLoggedIn(Optional.of(new Username("bob")))
                .toCompletableFuture().join().get(0).handle();
        assertEquals(303, end(alice, bobHandle).statusCode());
        assertTrue(greets(bob, "bob"), "a user ends only their own sessions");
        assertTrue(greets(aliceElsewhere, "alice"));
    }

    @Test
    void givenNoSession_thenThePageSendsToTheLogin() {
        HttpResponse<Buffer> page = new Browser(vertx, server.port()).get("/sessions");
        assertEquals(302, page.statusCode());
        assertEquals("/login?next=%2Fsessions", page.getHeader("Location"));
    }

    @Test
    void givenAPasswordChangedByAnotherProcess_thenTheDeadSessionsAreGoneFromTheListsAtOnce() {
        Browser firefox = loggedIn("alice", FIREFOX);
        loggedIn("alice", CHROME);
        CommandRunner passwd = CommandRunner.run("a brand new passphrase\n", "users", "passwd", "alice", "--password-stdin",
                "--data-dir", dataDir.toString());
        assertEquals(0, passwd.exitCode, passwd.toString());
        server.running.users().refresh().toCompletableFuture().join();

        Browser again = new Browser(vertx, server.port());
        assertEquals(303, again.logIn("alice", "a brand new passphrase").statusCode());
        String page = again.get("/sessions").bodyAsString();
        Matcher listed = END_BUTTON.matcher(page);
        int others = 0;
        while (listed.find()) {
            others++;
        }
        assertEquals(0, others, "only the session made with the new password is listed: " + page);
        assertEquals(1, server.running.sessions().listLoggedIn(java.util.Optional.empty()).toCompletableFuture().join().size(),
                "and the dead ones are gone from the store, not only from the page");
        assertEquals(302, firefox.get("/home").statusCode());
    }
}
