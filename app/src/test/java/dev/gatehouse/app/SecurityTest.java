package dev.gatehouse.app;

import dev.gatehouse.adapter.vertx.driven.memory.InMemorySessionRepository;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The items of SECURITY.md this release covers, each checked black-box over real HTTP. */
@ExtendWith(VertxExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecurityTest {

    private static final String ALICE_PASSWORD = "correct horse battery staple";

    @TempDir
    static Path dataDir;
    private TestServer server;
    private Vertx vertx;

    @BeforeAll
    void start(Vertx vertx) throws java.io.IOException {
        this.vertx = vertx;
        server = new TestServer(vertx, dataDir);
        CommandRunner.addUser(dataDir, "alice", ALICE_PASSWORD);
        // New names are letters, digits and . _ - @ +; markup can only be in a name from before that rule.
        CommandRunner.addUser(dataDir, "bob", ALICE_PASSWORD);
        Path users = dataDir.resolve("users.json");
        java.nio.file.Files.writeString(users, java.nio.file.Files.readString(users).replace("\"bob\"", "\"<b>bob</b>\""));
    }

    private Browser browser() {
        return new Browser(vertx, server.port());
    }

    private Browser loggedInAlice() {
        Browser browser = browser();
        assertEquals(303, browser.logIn("alice", ALICE_PASSWORD).statusCode());
        return browser;
    }

    private static boolean greetsAlice(Browser browser) {
        return browser.get("/").bodyAsString().contains("Hello, alice!");
    }

    // S1, S2, S3: the id, the cookie's name and attributes

    @Test
    void s1_s2_s3_givenALogin_thenTheCookieIsHostPrefixedHttpOnlySecureLaxAndCarriesA256BitIdWithASignature() {
        Browser browser = browser();
        String preLogin = Browser.setCookie(browser.get("/login"), "__Host-gh_prelogin");
        String setCookie = Browser.setCookie(browser.post("/login", Map.of("username", "alice", "password", ALICE_PASSWORD,
                "csrf", browser.openLoginForm())), "__Host-gh_session");
        assertTrue(browser.cookie.matches("[A-Za-z0-9_-]{43}\\.[A-Za-z0-9_-]{43}"), browser.cookie);
        // The pre-login cookie, which the login form's token is bound to, is set exactly like the session's.
        for (String cookie : List.of(setCookie, preLogin)) {
            String lower = cookie.toLowerCase();
            assertTrue(lower.contains("; httponly"), cookie);
            assertTrue(lower.contains("; secure"), cookie);
            assertTrue(lower.contains("; samesite=lax"), cookie);
            assertTrue(lower.contains("; path=/"), cookie);
            assertFalse(lower.contains("domain="), cookie);
            assertFalse(lower.contains("max-age") || lower.contains("expires"), "a session cookie ends with the browser session");
            assertFalse(lower.contains("jsessionid") || lower.contains("vertx-web.session"));
        }
    }

    @Test
    void s3_s8_givenLogout_thenTheCookieIsReplacedWithTheSameAttributesAndTheOldOneIsWorthless() {
        Browser browser = loggedInAlice();
        String before = browser.cookie;
        String csrf = Browser.csrfOf(browser.get("/"));
        HttpResponse<Buffer> logout = browser.post("/logout", Map.of("csrf", csrf));
        // The session is deleted on the server, and the cookie cleared with the attributes that set it.
        String clearing = Browser.setCookie(logout, "__Host-gh_session").toLowerCase();
        assertTrue(clearing.startsWith("__host-gh_session=;"), clearing);
        assertTrue(clearing.contains("; httponly") && clearing.contains("; secure") && clearing.contains("; samesite=lax")
                && clearing.contains("; path=/") && clearing.contains("max-age=0"), clearing);
        assertNull(browser.cookie);
        browser.cookie = before;
        assertEquals(302, browser.get("/home").statusCode(), "a copy of the old cookie no longer works");
    }

    // S4: the id only ever travels in the cookie

    @Test
    void s4_givenAnIdInTheUrlOrBody_thenItIsIgnored_andNoPageOrLocationEverContainsTheId() {
        Browser browser = loggedInAlice();
        String id = browser.cookie.substring(0, 43);
        Browser stranger = browser();
        assertFalse(stranger.get("/?__Host-gh_session=" + browser.cookie + "&session=" + id).bodyAsString().contains("alice"));
        for (String path : List.of("/", "/home", "/logout", "/login")) {
            HttpResponse<Buffer> page = browser.get(path);
            assertFalse(page.bodyAsString().contains(id), path);
            assertFalse(String.valueOf(page.getHeader("Location")).contains(id), path);
        }
    }

    // S5: strict mode

    @ParameterizedTest
    @ValueSource(strings = {"forged", "tampered", "unsigned", "oversized", "empty", "garbage"})
    void s5_givenACookieTheServerDidNotIssue_thenItIsNoSessionAndNeverAdopted(String kind) {
        Browser victim = loggedInAlice();
        String good = victim.cookie;
        String id = good.substring(0, 43);
        String flipped = (good.charAt(50) == 'A' ? 'B' : 'A') + "";
        String value = switch (kind) {
            case "forged" -> id + "." + "A".repeat(42) + "A";
            case "tampered" -> good.substring(0, 50) + flipped + good.substring(51);
            case "unsigned" -> id;
            case "oversized" -> good + "x".repeat(4000);
            case "empty" -> "";
            default -> "../../etc/passwd%00\u00ff";
        };
        Browser attacker = browser();
        attacker.cookie = value;
        HttpResponse<Buffer> index = attacker.get("/");
        assertEquals(200, index.statusCode());
        assertTrue(index.bodyAsString().contains("Welcome to Gatehouse"));
        HttpResponse<Buffer> form = attacker.get("/login");
        assertEquals(200, form.statusCode());
        assertFalse(form.headers().getAll("set-cookie").stream().anyMatch(header -> header.startsWith("__Host-gh_session=")),
                "a cookie that names no session is neither adopted nor echoed");
        assertEquals(303, attacker.post("/login", Map.of("username", "alice", "password", ALICE_PASSWORD, "csrf", Browser.csrfOf(form)))
                .statusCode());
        assertNotEquals(value, attacker.cookie, "the server issues its own id, never the one it was sent");
        assertFalse(attacker.cookie.startsWith(id));
    }

    @Test
    void s5_givenTwoSessionCookiesACaseVariantOrANamelessCookie_thenTheServerFailsClosed() {
        Browser alice = loggedInAlice();
        HttpResponse<Buffer> twice = alice.request(HttpMethod.GET, "/")
                .putHeader("Cookie", "__Host-gh_session=" + alice.cookie + "; __Host-gh_session=" + alice.cookie).send().await();
        assertTrue(twice.bodyAsString().contains("Welcome to Gatehouse"));
        HttpResponse<Buffer> twoHeaders = alice.request(HttpMethod.GET, "/")
                .putHeader("Cookie", List.of("__Host-gh_session=" + alice.cookie, "__host-gh_session=" + alice.cookie)).send().await();
        assertTrue(twoHeaders.bodyAsString().contains("Welcome to Gatehouse"));
        HttpResponse<Buffer> variant = alice.request(HttpMethod.GET, "/")
                .putHeader("Cookie", "__HOST-gh_session=" + alice.cookie).send().await();
        assertTrue(variant.bodyAsString().contains("Welcome to Gatehouse"));
        for (String nameless : List.of("=" + alice.cookie, alice.cookie, " =" + alice.cookie, "=__Host-gh_session=" + alice.cookie)) {
            HttpResponse<Buffer> response = alice.request(HttpMethod.GET, "/").putHeader("Cookie", nameless).send().await();
            assertTrue(response.bodyAsString().contains("Welcome to Gatehouse"), "nameless: " + nameless);
        }
        HttpResponse<Buffer> withOthers = alice.request(HttpMethod.GET, "/")
                .putHeader("Cookie", "theme=dark; __Host-gh_session=" + alice.cookie + "; lang=en").send().await();
        assertTrue(withOthers.bodyAsString().contains("Hello, alice!"), "other cookies are fine");
    }

    // S6: anonymous visitors cost nothing

    @Test
    void s6_given1000AnonymousVisitsLoginFormsAndLogouts_thenNothingIsStored() {
        int before = ((InMemorySessionRepository) server.running.sessions()).size();
        Browser anonymous = browser();
        for (int i = 0; i < 1000; i++) {
            assertEquals(200, anonymous.get("/").statusCode());
            assertEquals(200, browser().get("/login").statusCode());
            assertEquals(303, anonymous.post("/logout", Map.of("csrf", "x")).statusCode());
        }
        assertEquals(before, ((InMemorySessionRepository) server.running.sessions()).size());
        assertNull(anonymous.cookie);
    }

    // S7: fixation

    @Test
    void s7_givenALogin_thenThePreLoginIdIsWorthless_andASecondLoginRotatesAgain() {
        Browser browser = browser();
        String csrf = browser.openLoginForm();
        String preLogin = browser.cookie;
        browser.post("/login", Map.of("username", "alice", "password", ALICE_PASSWORD, "csrf", csrf));
        String first = browser.cookie;
        assertNotEquals(preLogin, first);
        Browser fixer = browser();
        fixer.cookie = preLogin;
        assertTrue(fixer.get("/").bodyAsString().contains("Welcome to Gatehouse"));

        assertEquals(303, browser.logIn("alice", ALICE_PASSWORD).statusCode());
        assertNotEquals(first, browser.cookie);
        Browser old = browser();
        old.cookie = first;
        assertFalse(greetsAlice(old));
        assertTrue(greetsAlice(browser));
    }

    // S8: logout

    @Test
    void s8_givenALogoutWithoutTheToken_thenItIsRefusedAndTheSessionLives() {
        Browser browser = loggedInAlice();
        assertEquals(400, browser.post("/logout", Map.of()).statusCode());
        assertEquals(403, browser.post("/logout", Map.of("csrf", "A".repeat(43))).statusCode());
        assertTrue(greetsAlice(browser));
    }

    // S9: timeouts, enforced on the server

    @Test
    void s9_givenNoRequestForTheIdleTimeout_thenTheSessionIsOver() {
        Browser browser = loggedInAlice();
        server.clock.advance(TestServer.IDLE.minusSeconds(1));
        assertTrue(greetsAlice(browser));
        server.clock.advance(TestServer.IDLE);
        assertFalse(greetsAlice(browser));
    }

    @Test
    void s9_givenConstantActivity_thenTheAbsoluteTimeoutStillEndsTheSession() {
        Browser browser = loggedInAlice();
        Duration elapsed = Duration.ZERO;
        while (elapsed.plus(Duration.ofMinutes(20)).compareTo(TestServer.ABSOLUTE) < 0) {
            server.clock.advance(Duration.ofMinutes(20));
            elapsed = elapsed.plus(Duration.ofMinutes(20));
            assertTrue(greetsAlice(browser), "after " + elapsed);
        }
        server.clock.advance(Duration.ofMinutes(20));
        assertFalse(greetsAlice(browser));
    }

    // S11: CSRF

    @Test
    void s11_givenALoginWithoutOrWithAWrongToken_thenItIsRefusedBeforeAnyPasswordCheck() {
        Browser browser = browser();
        browser.openLoginForm();
        assertEquals(400, browser.post("/login", Map.of("username", "alice", "password", ALICE_PASSWORD)).statusCode());
        assertEquals(403, browser.post("/login", Map.of("username", "alice", "password", ALICE_PASSWORD, "csrf", "x")).statusCode());
        Browser other = browser();
        String othersToken = other.openLoginForm();
        assertEquals(403, browser.post("/login", Map.of("username", "alice", "password", ALICE_PASSWORD, "csrf", othersToken)).statusCode(),
                "a token is bound to its own session");
        assertFalse(greetsAlice(browser));
    }

    @Test
    void s11_givenACrossSiteRequest_thenItIsRefusedWith403() {
        Browser browser = browser();
        String csrf = browser.openLoginForm();
        String body = Browser.encode(Map.of("username", "alice", "password", ALICE_PASSWORD, "csrf", csrf));
        for (Map.Entry<String, String> header : List.of(Map.entry("Sec-Fetch-Site", "cross-site"), Map.entry("Sec-Fetch-Site", "same-site"),
                Map.entry("Origin", "http://evil.example"), Map.entry("Origin", "null"))) {
            HttpResponse<Buffer> response = browser.send(browser.request(HttpMethod.POST, "/login").putHeader(header.getKey(), header.getValue()),
                    body, "application/x-www-form-urlencoded");
            assertEquals(403, response.statusCode(), header.toString());
        }
        assertFalse(greetsAlice(browser));
    }

    @Test
    void s11_givenALogin_thenTheCsrfTokenRotates() {
        Browser browser = browser();
        String before = browser.openLoginForm();
        browser.post("/login", Map.of("username", "alice", "password", ALICE_PASSWORD, "csrf", before));
        assertNotEquals(before, Browser.csrfOf(browser.get("/")));
    }

    // S12: open redirects

    @ParameterizedTest
    @ValueSource(strings = {"//evil.example", "/\\evil.example", "https://evil.example", "javascript:alert(1)", "/%2F%2Fevil.example",
        "/%5Cevil.example", "/\r\nLocation: http://evil.example", "\\\\evil.example", "http:/evil.example",
        "/.//evil.example", "/..//evil.example", "/%2e%2e//evil.example"})
    void s12_givenAnUnsafeNext_thenLoginGoesToTheRoot(String next) {
        Browser browser = browser();
        String csrf = browser.openLoginForm();
        HttpResponse<Buffer> login = browser.post("/login", Map.of("username", "alice", "password", ALICE_PASSWORD, "csrf", csrf, "next", next));
        if (next.contains("\r")) {
            assertEquals(400, login.statusCode(), "control characters are malformed input");
            return;
        }
        assertEquals(303, login.statusCode());
        assertEquals("/", login.getHeader("Location"));
    }

    @Test
    void s12_givenAHostileHostHeader_thenLocationsStayRelative() {
        HttpResponse<Buffer> response = browser().request(HttpMethod.GET, "/home").putHeader("Host", "evil.example").send().await();
        assertEquals("/login?next=%2Fhome", response.getHeader("Location"));
    }

    // S13: output encoding

    @Test
    void s13_givenMarkupInAUsernameOrNext_thenPagesShowItEscaped() {
        Browser browser = browser();
        HttpResponse<Buffer> rejected = browser.logIn("<script>alert(1)</script>", "wrong password here");
        assertTrue(rejected.bodyAsString().contains("value=\"&lt;script"), rejected.bodyAsString());
        assertFalse(rejected.bodyAsString().contains("<script>"), "only our own script files, never the name's markup");

        Browser bob = browser();
        assertEquals(303, bob.logIn("<b>bob</b>", ALICE_PASSWORD).statusCode());
        String page = bob.get("/").bodyAsString();
        assertTrue(page.contains("Hello, &lt;b&gt;bob&lt;/b&gt;!"), page);
        assertFalse(page.contains("<b>bob"));

        String form = browser().get("/login?next=%2F%22%3E%3Cscript%3E").bodyAsString();
        assertFalse(form.contains("\"><script>"));
    }

    // S14: headers

    @Test
    void s14_givenAnyPage_thenItCarriesTheSecurityHeaders() {
        Browser browser = loggedInAlice();
        for (String path : List.of("/", "/home", "/login", "/logout", "/nowhere")) {
            HttpResponse<Buffer> page = browser.get(path);
            String csp = page.getHeader("Content-Security-Policy");
            assertTrue(csp.contains("frame-ancestors 'none'") && csp.contains("default-src 'none'") && !csp.contains("unsafe-inline"), path);
            assertEquals("nosniff", page.getHeader("X-Content-Type-Options"), path);
            assertEquals("no-referrer", page.getHeader("Referrer-Policy"), path);
            assertEquals("no-store", page.getHeader("Cache-Control"), path);
            assertEquals("text/html; charset=utf-8", page.getHeader("Content-Type"), path);
            assertNull(page.getHeader("Server"), path);
            assertFalse(java.util.regex.Pattern.compile("<script(?![^>]* src=\"/static/[a-z]+\\.js\")").matcher(page.bodyAsString()).find(),
                    "no inline script, only our own files: " + path);
        }
        HttpResponse<Buffer> css = browser.get("/static/gatehouse.css");
        assertEquals(200, css.statusCode());
        assertEquals("text/css; charset=utf-8", css.getHeader("Content-Type"));
    }

    // S15: failures look the same

    @Test
    void s15_givenAnUnknownUserOrAWrongPassword_thenTheResponsesAreTheSame() {
        HttpResponse<Buffer> unknown = browser().logIn("mallory", "wrong password here");
        HttpResponse<Buffer> wrong = browser().logIn("alice", "wrong password here");
        assertEquals(unknown.statusCode(), wrong.statusCode());
        assertEquals(headerNames(unknown), headerNames(wrong));
        assertEquals(unknown.bodyAsString().replaceAll("value=\"[^\"]*\"", ""), wrong.bodyAsString().replaceAll("value=\"[^\"]*\"", ""));
    }

    private static Map<String, Integer> headerNames(HttpResponse<Buffer> response) {
        Map<String, Integer> names = new TreeMap<>();
        response.headers().names().forEach(name -> names.put(name.toLowerCase(), response.headers().getAll(name).size()));
        return names;
    }

    // S19: malformed input

    @ParameterizedTest
    @ValueSource(strings = {"username=%C3%28&password=x&csrf=y", "username=a%zz&password=x&csrf=y", "username=a%&password=x&csrf=y",
        "username=alice&username=bob&password=x&csrf=y", "username=a%00b&password=x&csrf=y", "password=x&csrf=y",
        "username=a%1Bb&password=x&csrf=y", "a=1&b=2&c=3&d=4&e=5&f=6&g=7&h=8&i=9"})
    void s19_givenAMalformedLoginForm_thenA400WithAShortMessage(String body) {
        Browser browser = browser();
        browser.openLoginForm();
        HttpResponse<Buffer> response = browser.postRaw("/login", body, "application/x-www-form-urlencoded");
        assertEquals(400, response.statusCode(), body);
        assertPlainError(response);
        assertFalse(greetsAlice(browser));
    }

    @Test
    void s19_givenTheWrongContentTypeOrATooLargeBody_thenA415OrA413() {
        Browser browser = browser();
        String csrf = browser.openLoginForm();
        HttpResponse<Buffer> json = browser.postRaw("/login", "{\"username\":\"alice\"}", "application/json");
        assertEquals(415, json.statusCode());
        assertPlainError(json);
        HttpResponse<Buffer> large = browser.postRaw("/login", "username=alice&csrf=" + csrf + "&password=" + "a".repeat(10_000),
                "application/x-www-form-urlencoded");
        assertEquals(413, large.statusCode());
    }

    @Test
    void s19_givenAHugeUrlOrHeader_thenA414OrA431AndTheServerStaysHealthy() {
        Browser browser = browser();
        assertEquals(414, browser.get("/?" + "a".repeat(10_000)).statusCode());
        HttpResponse<Buffer> header = browser.request(HttpMethod.GET, "/").putHeader("X-Big", "b".repeat(20_000)).send().await();
        assertEquals(431, header.statusCode());
        assertEquals(200, browser().get("/").statusCode());
    }

    @Test
    void s19_givenABadQueryOrAnUnknownRouteOrMethod_thenA4xx() {
        assertEquals(400, browser().get("/login?next=%zz").statusCode());
        assertEquals(404, browser().get("/admin").statusCode());
        HttpResponse<Buffer> put = browser().request(HttpMethod.PUT, "/login").send().await();
        assertEquals(405, put.statusCode());
        assertPlainError(put);
    }

    private static void assertPlainError(HttpResponse<Buffer> response) {
        String body = response.bodyAsString();
        assertNotNull(body);
        assertTrue(body.length() < 2000, "short");
        assertFalse(body.contains("Exception") || body.contains("at dev.") || body.contains("io.vertx"), body);
    }
}
