package dev.gatehouse.app;

import dev.gatehouse.adapter.vertx.driven.signing.HmacAuthenticatorCodes;
import dev.gatehouse.domain.secondfactor.Totp;
import dev.gatehouse.domain.secondfactor.TotpSecret;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.auth.otp.OtpKey;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The second factor over real HTTP: enrolment on the account page, the login's two steps, and what must not get through. */
@ExtendWith(VertxExtension.class)
class SecondFactorTest {

    private static final String PASSWORD = "correct horse battery staple";
    private static final Pattern KEY = Pattern.compile("<code class=\"key\" id=\"key\">([A-Z2-7 ]+)</code>");
    private static final Pattern TOKEN = Pattern.compile("name=\"token\" value=\"([^\"]+)\"");
    private static final Pattern CODE = Pattern.compile("<li><code>([0-9a-z-]+)</code></li>");

    @TempDir
    Path dataDir;
    private TestServer server;
    private Vertx vertx;
    private Enrolment lastEnrolment;

    @BeforeEach
    void start(Vertx vertx) {
        this.vertx = vertx;
        server = new TestServer(vertx, dataDir);
        CommandRunner.addUser(dataDir, "alice", PASSWORD);
    }

    /** What the user's phone knows once it has scanned the key: the codes it would show. */
    private record App(TotpSecret secret) {
        String codeAt(java.time.Instant when) {
            return new HmacAuthenticatorCodes().code(secret, Totp.step(when));
        }
    }

    private record Enrolment(App app, List<String> recoveryCodes) {
    }

    private Browser loggedIn() {
        Browser browser = new Browser(vertx, server.port());
        assertEquals(303, browser.logIn("alice", PASSWORD).statusCode());
        return browser;
    }

    private static String match(Pattern pattern, HttpResponse<Buffer> page) {
        Matcher matcher = pattern.matcher(page.bodyAsString());
        assertTrue(matcher.find(), pattern + " on\n" + page.bodyAsString());
        return matcher.group(1);
    }

    private static List<String> all(Pattern pattern, HttpResponse<Buffer> page) {
        Matcher matcher = pattern.matcher(page.bodyAsString());
        List<String> found = new ArrayList<>();
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }

    /** As a user does it: the account page, the password again, the key read off the page, and the app's code. */
    private Enrolment enrol(Browser browser) {
        HttpResponse<Buffer> account = browser.get("/account/two-factor");
        assertEquals(200, account.statusCode());
        assertTrue(account.bodyAsString().contains("Two-factor authentication is <strong>off</strong>"), account.bodyAsString());
        HttpResponse<Buffer> setup = browser.post("/account/two-factor/setup", Map.of("csrf", Browser.csrfOf(account), "password", PASSWORD));
        assertEquals(200, setup.statusCode());
        assertTrue(setup.bodyAsString().contains("<svg xmlns=\"http://www.w3.org/2000/svg\""), "the QR code, drawn in the page");
        App app = new App(new TotpSecret(new OtpKey().setKey(match(KEY, setup).replace(" ", "")).getKeyBytes()));
        HttpResponse<Buffer> codes = browser.post("/account/two-factor/confirm", Map.of("csrf", Browser.csrfOf(setup),
                "token", match(TOKEN, setup), "code", app.codeAt(server.clock.instant())));
        assertEquals(200, codes.statusCode());
        assertTrue(codes.bodyAsString().contains("Two-factor authentication is on"), codes.bodyAsString());
        List<String> recovery = all(CODE, codes);
        assertEquals(10, recovery.size());
        assertTrue(codes.bodyAsString().contains("download=\"recovery-codes.txt\""));
        lastEnrolment = new Enrolment(app, recovery);
        return lastEnrolment;
    }

    /** The password step of a login, as a browser makes it; returns where it was sent. */
    private static String passwordStep(Browser browser) {
        HttpResponse<Buffer> response = browser.logIn("alice", PASSWORD);
        assertEquals(303, response.statusCode());
        return response.getHeader("Location");
    }

    private static HttpResponse<Buffer> codeStep(Browser browser, String code) {
        HttpResponse<Buffer> page = browser.get("/login/second-factor");
        assertEquals(200, page.statusCode(), page.bodyAsString());
        return browser.post("/login/second-factor", Map.of("csrf", Browser.csrfOf(page), "code", code));
    }

    private static boolean greetsAlice(Browser browser) {
        return browser.get("/").bodyAsString().contains("Hello, alice!");
    }

    @Test
    void givenAnEnrolledUser_thenTheLoginAsksForTheCodeAndTheHalfWaySessionReachesNothing() {
        Enrolment enrolment = enrol(loggedIn());
        server.clock.advance(Totp.STEP);

        Browser browser = new Browser(vertx, server.port());
        assertEquals("/login/second-factor", passwordStep(browser));
        String halfway = browser.cookie;
        assertFalse(greetsAlice(browser), "half-way greets nobody");
        assertEquals(302, browser.get("/home").statusCode(), "and reaches no page");
        assertEquals(401, browser.get("/api/session").statusCode());
        assertEquals(302, browser.get("/account/two-factor").statusCode());

        HttpResponse<Buffer> done = codeStep(browser, enrolment.app().codeAt(server.clock.instant()));
        assertEquals(303, done.statusCode());
        assertEquals("/", done.getHeader("Location"));
        assertNotEquals(halfway, browser.cookie, "a new session id once the code is right");
        assertTrue(greetsAlice(browser));
    }

    @Test
    void givenACodeUsedOnceOrAWrongOne_thenRefusedAndWrongCodesAreThrottledAsPasswordsAre() {
        Enrolment enrolment = enrol(loggedIn());
        server.clock.advance(Totp.STEP);
        String code = enrolment.app().codeAt(server.clock.instant());
        Browser first = new Browser(vertx, server.port());
        passwordStep(first);
        assertEquals(303, codeStep(first, code).statusCode());

        Browser second = new Browser(vertx, server.port());
        passwordStep(second);
        HttpResponse<Buffer> replay = codeStep(second, code);
        assertEquals(200, replay.statusCode());
        assertTrue(replay.bodyAsString().contains("That code is not right."), "a code counts once");
        assertFalse(greetsAlice(second));

        int status = 200;
        for (int tries = 0; tries < 10 && status == 200; tries++) {
            status = codeStep(second, "000000".equals(enrolment.app().codeAt(server.clock.instant())) ? "111111" : "000000").statusCode();
        }
        assertEquals(429, status, "wrong codes back off as wrong passwords do");
    }

    @Test
    void givenARecoveryCode_thenItWorksOnceAndTheAccountPageCountsWhatIsLeft() {
        Enrolment enrolment = enrol(loggedIn());
        Browser browser = new Browser(vertx, server.port());
        passwordStep(browser);
        assertEquals(303, codeStep(browser, enrolment.recoveryCodes().get(0).toUpperCase()).statusCode(), "in any case");
        assertTrue(greetsAlice(browser));
        assertTrue(browser.get("/account/two-factor").bodyAsString().contains("Recovery codes left: <strong>9</strong>"));

        Browser again = new Browser(vertx, server.port());
        passwordStep(again);
        assertTrue(codeStep(again, enrolment.recoveryCodes().get(0)).bodyAsString().contains("That code is not right."), "used up");
    }

    @Test
    void givenFiveMinutesAtTheCodeStep_thenTheLoginMustStartAgain() {
        Enrolment enrolment = enrol(loggedIn());
        Browser browser = new Browser(vertx, server.port());
        passwordStep(browser);
        HttpResponse<Buffer> page = browser.get("/login/second-factor");
        server.clock.advance(Duration.ofMinutes(5));
        HttpResponse<Buffer> late = browser.post("/login/second-factor", Map.of("csrf", Browser.csrfOf(page),
                "code", enrolment.app().codeAt(server.clock.instant())));
        assertEquals(303, late.statusCode());
        assertEquals("/login", late.getHeader("Location"));
        assertTrue(browser.get("/login").bodyAsString().contains("Your login was not finished in time."));
        assertFalse(greetsAlice(browser));
    }

    @Test
    void givenALoginOlderThanTenMinutes_thenChangingTheSecondFactorAsksForThePasswordAgain() {
        Browser browser = loggedIn();
        enrol(browser);
        server.clock.advance(Duration.ofMinutes(11));
        HttpResponse<Buffer> account = browser.get("/account/two-factor");
        assertTrue(account.bodyAsString().contains("id=\"codes-password\""), "the form asks for the password");
        HttpResponse<Buffer> refused = browser.post("/account/two-factor/recovery-codes", Map.of("csrf", Browser.csrfOf(account)));
        assertTrue(refused.bodyAsString().contains("Type your current password to confirm it is you."), refused.bodyAsString());
        assertTrue(all(CODE, refused).isEmpty(), "no codes shown");
        HttpResponse<Buffer> wrong = browser.post("/account/two-factor/recovery-codes", Map.of("csrf", Browser.csrfOf(account), "password", "not it at all"));
        assertTrue(wrong.bodyAsString().contains("That password is not right."));
        HttpResponse<Buffer> renewed = browser.post("/account/two-factor/recovery-codes", Map.of("csrf", Browser.csrfOf(account), "password", PASSWORD));
        assertEquals(10, all(CODE, renewed).size());
        assertFalse(browser.get("/account/two-factor").bodyAsString().contains("id=\"codes-password\""), "recent again: no password asked");

        HttpResponse<Buffer> off = browser.post("/account/two-factor/remove", Map.of("csrf", Browser.csrfOf(account)));
        assertTrue(off.bodyAsString().contains("Two-factor authentication is off: your password alone logs you in."), off.bodyAsString());
        assertTrue(greetsAlice(browser), "this session goes on, renewed");
        assertEquals("/", passwordStep(new Browser(vertx, server.port())), "the password alone logs in again");
    }

    @Test
    void givenTheJsonApi_thenTheTwoStepsAsDocumented() {
        Enrolment enrolment = enrol(loggedIn());
        server.clock.advance(Totp.STEP);
        Browser client = new Browser(vertx, server.port());
        HttpResponse<Buffer> first = client.postRaw("/api/session", "{\"username\":\"alice\",\"password\":\"" + PASSWORD + "\"}", "application/json");
        assertEquals(200, first.statusCode());
        assertEquals(true, first.bodyAsJsonObject().getBoolean("secondFactorRequired"));
        assertEquals(List.of("authenticator_code", "recovery_code"), first.bodyAsJsonObject().getJsonArray("methods").getList());
        assertEquals(401, client.get("/api/session").statusCode(), "half-way is nobody");
        String csrf = first.bodyAsJsonObject().getString("csrfToken");

        Map<String, String> headers = new HashMap<>(Map.of("X-CSRF-Token", csrf));
        var request = client.request(io.vertx.core.http.HttpMethod.POST, "/api/session/second-factor");
        headers.forEach(request::putHeader);
        HttpResponse<Buffer> second = client.send(request, "{\"code\":\"" + enrolment.app().codeAt(server.clock.instant()) + "\"}", "application/json");
        assertEquals(200, second.statusCode(), second.bodyAsString());
        assertEquals("password_and_code", second.bodyAsJsonObject().getString("authenticatedWith"));
        assertEquals(10, second.bodyAsJsonObject().getInteger("recoveryCodesLeft"));
        assertEquals("alice", client.get("/api/session").bodyAsJsonObject().getString("username"));
    }

    @Test
    void givenAnAdministratorsReset_thenTheUsersSessionsEndAndThePasswordAloneLogsInAgain() {
        Browser browser = loggedIn();
        enrol(browser);
        Browser elsewhere = new Browser(vertx, server.port());
        passwordStep(elsewhere);
        assertEquals(303, codeStep(elsewhere, enrolmentCodeLater()).statusCode());
        assertTrue(greetsAlice(elsewhere));

        CommandRunner reset = CommandRunner.run("", "users", "reset-2fa", "alice", "--data-dir", dataDir.toString());
        assertEquals(0, reset.exitCode, reset.toString());
        assertEquals("Reset the second factor of user alice.\n", reset.out);
        server.running.users().refresh().toCompletableFuture().join();
        assertFalse(greetsAlice(browser), "every session of hers ends");
        assertFalse(greetsAlice(elsewhere));
        assertEquals("/", passwordStep(new Browser(vertx, server.port())));
        assertEquals(1, CommandRunner.run("", "users", "reset-2fa", "nobody", "--data-dir", dataDir.toString()).exitCode);
    }

    @Test
    void givenRememberMe_thenABrowserThatComesBackStillGivesTheCode() {
        Enrolment enrolment = enrol(loggedIn());
        server.clock.advance(Totp.STEP);
        Browser browser = new Browser(vertx, server.port());
        HttpResponse<Buffer> password = browser.post("/login", Map.of("username", "alice", "password", PASSWORD, "csrf", browser.openLoginForm(),
                "remember", "on"));
        assertEquals("/login/second-factor?remember=on", password.getHeader("Location"));
        HttpResponse<Buffer> page = browser.get(password.getHeader("Location"));
        assertTrue(page.bodyAsString().contains("name=\"remember\" value=\"on\""), "the choice rides along");
        assertEquals(303, browser.post("/login/second-factor", Map.of("csrf", Browser.csrfOf(page), "remember", "on",
                "code", enrolment.app().codeAt(server.clock.instant()))).statusCode());
        assertTrue(browser.remember != null, "remembered");

        browser.cookie = null;  // the browser was closed: its session cookie is gone, the remembered login stays
        server.clock.advance(Totp.STEP);
        assertFalse(greetsAlice(browser), "remembering the password does not remember the code");
        HttpResponse<Buffer> login = browser.get("/login");
        assertEquals(303, login.statusCode());
        assertEquals("/login/second-factor", login.getHeader("Location"), "straight to the code");
        assertEquals(303, codeStep(browser, enrolment.app().codeAt(server.clock.instant())).statusCode());
        assertTrue(greetsAlice(browser));
    }

    @Test
    void givenTrustThisBrowser_thenItsLoginsSkipTheCodeUntilTheUserStopsTrustingItAndNoOtherBrowsersDo() {
        Enrolment enrolment = enrol(loggedIn());
        server.clock.advance(Totp.STEP);
        Browser browser = new Browser(vertx, server.port());
        browser.userAgent = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0";
        passwordStep(browser);
        HttpResponse<Buffer> page = browser.get("/login/second-factor");
        assertTrue(page.bodyAsString().contains("Trust this browser for 30 days"), page.bodyAsString());
        assertEquals(303, browser.post("/login/second-factor", Map.of("csrf", Browser.csrfOf(page), "trust", "on",
                "code", enrolment.app().codeAt(server.clock.instant()))).statusCode());
        assertTrue(browser.others.containsKey("__Host-gh_trust"), "a cookie of its own: " + browser.others);

        assertEquals(303, browser.post("/logout", Map.of("csrf", Browser.csrfOf(browser.get("/")))).statusCode());
        assertEquals("/", passwordStep(browser), "the password alone, in this browser");
        assertEquals("password_and_trusted_browser", browser.get("/api/session").bodyAsJsonObject().getString("authenticatedWith"));
        assertEquals("/login/second-factor", passwordStep(new Browser(vertx, server.port())), "not in another");

        HttpResponse<Buffer> sessions = browser.get("/sessions");
        assertTrue(sessions.bodyAsString().contains("Trusted browsers") && sessions.bodyAsString().contains("Firefox on Linux"), sessions.bodyAsString());
        String handle = match(Pattern.compile("name=\"browser\" value=\"([0-9a-f]{12})\""), sessions);
        assertEquals(303, browser.post("/sessions/untrust", Map.of("csrf", Browser.csrfOf(sessions), "browser", handle)).statusCode());
        assertFalse(browser.get("/sessions").bodyAsString().contains("Trusted browsers"));
        assertEquals(303, browser.post("/logout", Map.of("csrf", Browser.csrfOf(browser.get("/")))).statusCode());
        assertEquals("/login/second-factor", passwordStep(browser), "no longer trusted: the code again");
    }

    @Test
    void givenThirtyDays_thenATrustedBrowserAsksForTheCodeAgain() {
        Enrolment enrolment = enrol(loggedIn());
        server.clock.advance(Totp.STEP);
        Browser browser = new Browser(vertx, server.port());
        passwordStep(browser);
        HttpResponse<Buffer> page = browser.get("/login/second-factor");
        browser.post("/login/second-factor", Map.of("csrf", Browser.csrfOf(page), "trust", "on", "code", enrolment.app().codeAt(server.clock.instant())));
        server.clock.advance(dev.gatehouse.domain.TrustedBrowser.TRUST_FOR);
        browser.cookie = null;
        assertEquals("/login/second-factor", passwordStep(browser));
    }

    /** The app's code half a minute on: the enrolment's own code counts as used. */
    private String enrolmentCodeLater() {
        server.clock.advance(Totp.STEP);
        return lastEnrolment.app().codeAt(server.clock.instant());
    }
}
