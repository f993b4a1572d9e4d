package dev.gatehouse.app;

import io.vertx.core.Future;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** S16 over real HTTP: the back-off per account, the limit per client, and no race between parallel attempts. */
@ExtendWith(VertxExtension.class)
class ThrottleTest {

    private static final String PASSWORD = "correct horse battery staple";
    private static final String WRONG = "not the password at all";

    @TempDir
    Path dataDir;
    private TestServer server;
    private Vertx vertx;

    @BeforeEach
    void start(Vertx vertx) {
        this.vertx = vertx;
        server = new TestServer(vertx, dataDir);
        CommandRunner.addUser(dataDir, "alice", PASSWORD);
    }

    private Browser browser() {
        return new Browser(vertx, server.port());
    }

    /** A login that shows the form first, as a browser does, so each attempt is independent of the others. */
    private HttpResponse<Buffer> logIn(String username, String password) {
        return browser().logIn(username, password);
    }

    @Test
    void givenFiveWrongPasswords_thenEvenTheRightOneGets429WithRetryAfterUntilTheBackOffHasPassed() {
        for (int i = 0; i < 5; i++) {
            assertEquals(200, logIn("alice", WRONG).statusCode());
        }
        HttpResponse<Buffer> throttled = logIn("alice", PASSWORD);
        assertEquals(429, throttled.statusCode());
        assertEquals("1", throttled.getHeader("Retry-After"));
        assertTrue(throttled.bodyAsString().contains("Too many failed login attempts. Try again in 1 second."), throttled.bodyAsString());
        assertTrue(throttled.cookies().isEmpty(), "no session for a throttled attempt");

        server.clock.advance(Duration.ofSeconds(1));
        HttpResponse<Buffer> afterWait = logIn("alice", PASSWORD);
        assertEquals(303, afterWait.statusCode(), "the right password once the back-off has passed");
        for (int i = 0; i < 4; i++) {
            assertEquals(200, logIn("alice", WRONG).statusCode(), "the success reset the count");
        }
    }

    @Test
    void givenAnUnknownAccount_thenItIsThrottledExactlyLikeAKnownOne() {
        List<HttpResponse<Buffer>> known = new ArrayList<>();
        List<HttpResponse<Buffer>> unknown = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            known.add(logIn("alice", WRONG));
            unknown.add(logIn("nobody", WRONG));
        }
        for (int i = 0; i < 6; i++) {
            assertEquals(known.get(i).statusCode(), unknown.get(i).statusCode(), "attempt " + (i + 1));
            assertEquals(known.get(i).getHeader("Retry-After"), unknown.get(i).getHeader("Retry-After"));
            assertEquals(Set.copyOf(known.get(i).headers().names()), Set.copyOf(unknown.get(i).headers().names()));
        }
        assertEquals(429, unknown.get(5).statusCode());
    }

    @Test
    void givenFiftyParallelWrongPasswords_thenAtMostFiveAreChecked() {
        Browser browser = browser();
        String csrf = browser.openLoginForm();
        List<Future<HttpResponse<Buffer>>> attempts = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            // The same form for all: a rejected login keeps it, so each attempt could cost a password check.
            attempts.add(browser.sendAsync("/login", Map.of("username", "alice", "password", WRONG, "csrf", csrf)));
        }
        List<HttpResponse<Buffer>> answers = Future.all(attempts).await().list();
        long checked = answers.stream().filter(answer -> answer.statusCode() == 200).count();
        long throttled = answers.stream().filter(answer -> answer.statusCode() == 429).count();
        assertEquals(5, checked, "a 200 is a checked wrong password");
        assertEquals(45, throttled);
    }

    @Test
    void givenOneClientTryingManyAccounts_thenItIsHeldUpAfterTwentyFailures() {
        for (int i = 0; i < 20; i++) {
            assertEquals(200, logIn("user" + i, WRONG).statusCode());
        }
        HttpResponse<Buffer> spraying = logIn("user20", WRONG);
        assertEquals(429, spraying.statusCode());
        assertEquals("30", spraying.getHeader("Retry-After"));
        server.clock.advance(Duration.ofSeconds(30));
        assertEquals(200, logIn("user21", WRONG).statusCode(), "one more attempt every 30 seconds");
    }

    @Test
    void givenTheTerminal_thenTheSameThrottleHoldsItUpWithAClearMessage() {
        for (int i = 0; i < 5; i++) {
            logIn("alice", WRONG);
        }
        CommandRunner terminal = CommandRunner.runWith(server.terminalCore(), PASSWORD + "\n", "login", "--user", "alice", "--password-stdin");
        assertEquals(1, terminal.exitCode, terminal.toString());
        assertEquals("Too many failed login attempts. Try again in 1 second.\n", terminal.out);
    }

    @Test
    void givenAnAttackerHammeringALockedAccount_thenTheAuditLogGetsOneLineForTheWindowNotOneForEachTry() {
        ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> audit = new ch.qos.logback.core.read.ListAppender<>();
        audit.start();
        ch.qos.logback.classic.Logger auditLog = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("gatehouse.audit");
        auditLog.addAppender(audit);
        try {
            Browser attacker = browser();
            String csrf = attacker.openLoginForm();
            for (int i = 0; i < 45; i++) {
                attacker.post("/login", Map.of("username", "alice", "password", WRONG, "csrf", csrf));
            }
            long throttledLines = audit.list.stream().filter(event -> event.getFormattedMessage().contains("\"event\":\"login_throttled\"")).count();
            assertEquals(1, throttledLines, "40 refusals in one back-off window, one line");
        } finally {
            auditLog.detachAppender(audit);
        }
    }

    @Test
    void givenAStrangerLockingAliceOut_thenHerOwnBrowserStillLogsIn_andItsOwnFailuresLockOnlyIt() {
        Browser own = browser();
        assertEquals(303, own.logIn("alice", PASSWORD).statusCode());
        assertTrue(own.others.containsKey("__Host-gh_device"), "a good login makes the browser a known device: " + own.others);
        own.post("/logout", Map.of("csrf", Browser.csrfOf(own.get("/"))));

        for (int i = 0; i < 8; i++) {
            logIn("alice", WRONG);
        }
        assertEquals(429, logIn("alice", PASSWORD).statusCode(), "strangers are locked out, even with the right password");
        assertEquals(303, own.logIn("alice", PASSWORD).statusCode(), "alice's own browser is not");

        own.post("/logout", Map.of("csrf", Browser.csrfOf(own.get("/"))));
        for (int i = 0; i < 5; i++) {
            assertEquals(200, own.logIn("alice", WRONG).statusCode());
        }
        assertEquals(429, own.logIn("alice", PASSWORD).statusCode(), "a known device that fails backs off on its own");
        server.clock.advance(Duration.ofSeconds(1));
        assertEquals(303, own.logIn("alice", PASSWORD).statusCode());
    }

    @Test
    void givenALockedOutAccount_thenTheJsonApiAndTheTerminalFollowTheSameRule(@org.junit.jupiter.api.io.TempDir Path terminalData) {
        Browser own = browser();
        assertEquals(303, own.logIn("alice", PASSWORD).statusCode());
        CommandRunner first = CommandRunner.runWith(server.terminalCore(), PASSWORD + "\n", "login", "--user", "alice", "--password-stdin",
                "--data-dir", terminalData.toString());
        assertEquals(0, first.exitCode, first.toString());
        for (int i = 0; i < 8; i++) {
            logIn("alice", WRONG);
        }

        HttpResponse<Buffer> api = own.request(io.vertx.core.http.HttpMethod.POST, "/api/session").putHeader("Content-Type", "application/json")
                .putHeader("Cookie", "__Host-gh_device=" + own.others.get("__Host-gh_device"))
                .sendBuffer(Buffer.buffer("{\"username\":\"alice\",\"password\":\"" + PASSWORD + "\"}")).await();
        assertEquals(200, api.statusCode(), "the API knows the browser by the same cookie");
        HttpResponse<Buffer> strangerApi = browser().request(io.vertx.core.http.HttpMethod.POST, "/api/session")
                .putHeader("Content-Type", "application/json")
                .sendBuffer(Buffer.buffer("{\"username\":\"alice\",\"password\":\"" + PASSWORD + "\"}")).await();
        assertEquals(429, strangerApi.statusCode());

        CommandRunner again = CommandRunner.runWith(server.terminalCore(), PASSWORD + "\n", "login", "--user", "alice", "--password-stdin",
                "--data-dir", terminalData.toString());
        assertEquals(0, again.exitCode, "a terminal alice has logged in at before is a known device too: " + again);
        CommandRunner elsewhere = CommandRunner.runWith(server.terminalCore(), PASSWORD + "\n", "login", "--user", "alice", "--password-stdin",
                "--data-dir", terminalData.resolve("other").toString());
        assertEquals(1, elsewhere.exitCode, "a terminal that never has is a stranger: " + elsewhere);
    }
}
