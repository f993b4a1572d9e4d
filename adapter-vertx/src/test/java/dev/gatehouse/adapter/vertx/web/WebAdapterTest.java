package dev.gatehouse.adapter.vertx.web;

import dev.gatehouse.application.Authorize;
import dev.gatehouse.application.ChangeOwnPassword;
import dev.gatehouse.application.CompleteLogin;
import dev.gatehouse.adapter.vertx.driven.webauthn.WebAuthnCeremonies;
import dev.gatehouse.application.EnrolAuthenticator;
import dev.gatehouse.application.ManagePasskeys;
import dev.gatehouse.application.PasskeyLogin;
import dev.gatehouse.application.FakeAuthenticatorKeys;
import dev.gatehouse.application.FakeSealer;
import dev.gatehouse.application.ManageSecondFactors;
import dev.gatehouse.application.Reauthenticate;
import dev.gatehouse.application.FakeAuthenticatorCodes;
import dev.gatehouse.application.VerifySecondFactor;
import dev.gatehouse.domain.access.AccessRules;
import dev.gatehouse.application.EndOwnSessions;
import dev.gatehouse.application.FakeAccounts;
import dev.gatehouse.application.FakeBlocklist;
import dev.gatehouse.application.FakeRememberedLogins;
import dev.gatehouse.application.FakeSessions;
import dev.gatehouse.application.FakeSigner;
import dev.gatehouse.application.FakeThrottle;
import dev.gatehouse.application.Greet;
import dev.gatehouse.application.Identify;
import dev.gatehouse.application.ListOwnSessions;
import dev.gatehouse.application.ListSessions;
import dev.gatehouse.application.LogIn;
import dev.gatehouse.application.LogOut;
import dev.gatehouse.application.MutableClock;
import dev.gatehouse.application.OpenLoginForm;
import dev.gatehouse.application.RememberMe;
import dev.gatehouse.application.SavePreference;
import dev.gatehouse.domain.AuditEvent;
import dev.gatehouse.domain.AuditLog;
import dev.gatehouse.domain.SessionPolicy;
import dev.gatehouse.domain.Username;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.healthchecks.HealthChecks;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The web adapter on its own: the real verticle and router on a free port, a real HTTP client, and
 * the use cases over the application's fakes instead of stores, so what is tested is the
 * translation (forms, cookies, status codes, headers), not a store. The fakes pass the same port
 * contracts as the real stores; the whole product, wired, is tested in the app module.
 */
@ExtendWith(VertxExtension.class)
class WebAdapterTest {

    private static final String PASSWORD = "correct horse battery staple";
    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T09:00:00Z"));
    private final FakeSessions sessions = new FakeSessions();
    private final FakeAccounts users = new FakeAccounts();
    private final FakeThrottle throttle = new FakeThrottle();
    private final List<AuditEvent> audited = new CopyOnWriteArrayList<>();
    /** The cookies the server set, as a browser keeps them (a test over plain HTTP on loopback, where browsers keep Secure ones too). */
    private final Map<String, String> cookies = new TreeMap<>();
    private WebClient client;
    private int port;

    @BeforeEach
    void startTheWebAdapter(Vertx vertx) {
        users.put(new Username("alice"), PASSWORD);
        AuditLog audit = audited::add;
        SessionPolicy policy = SessionPolicy.DEFAULT;
        FakeSigner signer = new FakeSigner();
        FakeRememberedLogins remembered = new FakeRememberedLogins(clock);
        Greet greet = new Greet(sessions, users, audit, policy, clock);
        ListOwnSessions listOwnSessions = new ListOwnSessions(greet, new ListSessions(sessions, users, audit, policy, clock));
        RememberMe rememberMe = new RememberMe(remembered, sessions, users, users.demands(), throttle, audit, RememberMe.DEFAULT_LIFETIME, policy, clock);
        EnrolAuthenticator enrol = new EnrolAuthenticator(users, new FakeAuthenticatorKeys(), new FakeAuthenticatorCodes(), new FakeSealer(), sessions,
                audit, "Gatehouse", clock);
        CompleteLogin completeLogin = new CompleteLogin(sessions, users, users, new VerifySecondFactor(users, new FakeAuthenticatorCodes(), throttle,
                audit, clock), enrol, signer, audit, policy, clock);
        WebAuthnCeremonies ceremonies = new WebAuthnCeremonies(vertx);
        WebUseCases useCases = new WebUseCases(greet, new OpenLoginForm(sessions, signer, audit, policy, clock),
                new LogIn(sessions, users, users.demands(), throttle, signer, audit, policy, clock), completeLogin,
                new LogOut(sessions, remembered, audit, policy, clock),
                new ChangeOwnPassword(greet, sessions, throttle, users, FakeBlocklist.REPEATS, audit, clock), listOwnSessions,
                new EndOwnSessions(listOwnSessions, sessions, remembered, audit), new SavePreference(greet, sessions), rememberMe,
                new Identify(greet, rememberMe), new Authorize(greet, users, AccessRules.LOGGED_IN_USERS, audit),
                new Reauthenticate(greet, sessions, users, throttle, audit, clock),
                enrol, new ManageSecondFactors(users, users, sessions, users.demands(), audit, clock),
                new ManagePasskeys(users, ceremonies, users.demands(), new FakeSealer(), audit, clock),
                new PasskeyLogin(completeLogin, sessions, users, users, ceremonies, new FakeSealer(), signer, audit, policy, clock), clock);
        WebVerticle.Health health = new WebVerticle.Health(HealthChecks.create(vertx), HealthChecks.create(vertx));
        WebVerticle verticle = new WebVerticle(HttpSettings.defaults("127.0.0.1", 0), useCases,
                new SessionCookie(CookieSettings.forSecureContext(true), signer), health, ctx -> ctx.next());
        vertx.deployVerticle(verticle).await();
        port = verticle.actualPort();
        client = WebClient.create(vertx, new WebClientOptions().setFollowRedirects(false));
    }

    private HttpResponse<Buffer> send(HttpMethod method, String path, String contentType, String body) {
        HttpRequest<Buffer> request = client.request(method, port, "127.0.0.1", path);
        if (!cookies.isEmpty()) {
            StringJoiner header = new StringJoiner("; ");
            cookies.forEach((name, value) -> header.add(name + "=" + value));
            request.putHeader("Cookie", header.toString());
        }
        if (method == HttpMethod.POST) {
            request.putHeader("Origin", "http://127.0.0.1:" + port).putHeader("Content-Type", contentType);
        }
        HttpResponse<Buffer> response = (body == null ? request.send() : request.sendBuffer(Buffer.buffer(body))).await();
        for (String set : response.headers().getAll("set-cookie")) {
            String name = set.substring(0, set.indexOf('='));
            String value = set.substring(name.length() + 1, set.indexOf(';'));
            if (value.isEmpty() || set.contains("Max-Age=0")) {
                cookies.remove(name);
            } else {
                cookies.put(name, value);
            }
        }
        return response;
    }

    private HttpResponse<Buffer> get(String path) {
        return send(HttpMethod.GET, path, null, null);
    }

    private HttpResponse<Buffer> postForm(String path, Map<String, String> fields) {
        StringJoiner body = new StringJoiner("&");
        fields.forEach((name, value) -> body.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return send(HttpMethod.POST, path, "application/x-www-form-urlencoded", body.toString());
    }

    private String csrfOfTheLoginForm() {
        HttpResponse<Buffer> form = get("/login");
        assertEquals(200, form.statusCode());
        Matcher csrf = CSRF.matcher(form.bodyAsString());
        assertTrue(csrf.find(), form.bodyAsString());
        return csrf.group(1);
    }

    @Test
    void givenTheRightPassword_thenTheFormLogsInWithA303AndTheGreetingNamesTheUser() {
        String csrf = csrfOfTheLoginForm();
        assertTrue(sessions.stored.isEmpty(), "the form alone stores nothing");

        HttpResponse<Buffer> login = postForm("/login", Map.of("username", "alice", "password", PASSWORD, "csrf", csrf));

        assertEquals(303, login.statusCode());
        assertEquals("/", login.getHeader("Location"));
        assertTrue(cookies.containsKey(CookieSettings.HOST_PREFIXED_NAME), cookies.toString());
        assertEquals(1, sessions.stored.size());
        HttpResponse<Buffer> greeting = get("/");
        assertEquals(200, greeting.statusCode());
        assertTrue(greeting.bodyAsString().contains("Hello, alice!"), greeting.bodyAsString());
        assertEquals("no-store", greeting.getHeader("Cache-Control"));
    }

    @Test
    void givenAThrottledLogin_thenTheFormAndTheApiAnswer429WithRetryAfter() {
        String csrf = csrfOfTheLoginForm();
        throttle.wait = Duration.ofSeconds(42);

        HttpResponse<Buffer> form = postForm("/login", Map.of("username", "alice", "password", PASSWORD, "csrf", csrf));
        HttpResponse<Buffer> api = send(HttpMethod.POST, "/api/session", "application/json",
                new JsonObject().put("username", "alice").put("password", PASSWORD).encode());

        for (HttpResponse<Buffer> refused : List.of(form, api)) {
            assertEquals(429, refused.statusCode(), refused.bodyAsString());
            assertEquals("42", refused.getHeader("Retry-After"));
        }
        assertTrue(form.bodyAsString().contains("data-retry-after=\"42\"") && form.bodyAsString().contains("<script src=\"/static/gatehouse.js\" defer>"),
                "the form counts the wait down on its button");
        assertFalse(get("/login").bodyAsString().contains("/static/gatehouse.js"), "a page without a wait has no countdown");
        HttpResponse<Buffer> script = get("/static/gatehouse.js");
        assertEquals("text/javascript; charset=utf-8", script.getHeader("Content-Type"));
        assertTrue(script.bodyAsString().contains("data-retry-after"));
        assertTrue(sessions.stored.isEmpty());
    }

    @Test
    void givenAFormWithAForgedToken_thenItIsRefusedWith403AndNobodyIsLoggedIn() {
        csrfOfTheLoginForm();

        HttpResponse<Buffer> login = postForm("/login", Map.of("username", "alice", "password", PASSWORD, "csrf", "forged"));

        assertEquals(403, login.statusCode());
        assertTrue(sessions.stored.isEmpty());
        assertTrue(get("/").bodyAsString().contains("Welcome to Gatehouse"));
    }

    @Test
    void givenAWrongPassword_thenTheFormComesBackWithoutAStackTraceAndTheFailureIsAudited() {
        String csrf = csrfOfTheLoginForm();

        HttpResponse<Buffer> login = postForm("/login", Map.of("username", "alice", "password", "not it at all", "csrf", csrf));

        assertEquals(200, login.statusCode());
        assertTrue(login.bodyAsString().contains("name=\"username\""), "the form again");
        assertTrue(audited.stream().anyMatch(event -> event.kind() == AuditEvent.Kind.LOGIN_FAILED));
        assertTrue(sessions.stored.isEmpty());
    }

    @Test
    void givenALoggedInUser_thenEveryAccountPageHasTheFrameWithTheCurrentPageMarked() {
        postForm("/login", Map.of("username", "alice", "password", PASSWORD, "csrf", csrfOfTheLoginForm()));

        for (Frame.Section section : List.of(Frame.Section.HOME, Frame.Section.PREFERENCES, Frame.Section.SESSIONS, Frame.Section.PASSWORD)) {
            String page = get(section.path()).bodyAsString();
            assertTrue(page.contains("Logged in as <strong>alice</strong>"), page);
            assertTrue(page.contains("<a href=\"" + section.path() + "\" aria-current=\"page\">" + section.label() + "</a>"), page);
            assertEquals(1, page.split("aria-current", -1).length - 1, "one page is the current one");
            assertTrue(page.contains("<button type=\"submit\" class=\"link\">Log out</button>"), page);
            assertTrue(page.contains("<title>" + section.label() + " · Gatehouse</title>"), page);
        }
    }

    @Test
    void givenTimePassing_thenTheSessionsPageSaysHowLongAgoWithTheExactTimeOnHover() {
        postForm("/login", Map.of("username", "alice", "password", PASSWORD, "csrf", csrfOfTheLoginForm()));
        clock.advance(Duration.ofMinutes(5));

        String page = get("/sessions").bodyAsString();

        assertTrue(page.contains("<time datetime=\"2026-01-01T09:00:00Z\" title=\"2026-01-01 09:00 UTC\">5 minutes ago</time>"), page);
        assertTrue(page.contains("<span class=\"badge\">This device</span>"), page);
    }

    @Test
    void givenALoggedInUser_thenLogoutEndsTheSessionAndTheNextPageIsAnonymous() {
        String csrf = csrfOfTheLoginForm();
        postForm("/login", Map.of("username", "alice", "password", PASSWORD, "csrf", csrf));
        Matcher logoutCsrf = CSRF.matcher(get("/").bodyAsString());
        assertTrue(logoutCsrf.find());

        HttpResponse<Buffer> logout = postForm("/logout", Map.of("csrf", logoutCsrf.group(1)));

        assertEquals(303, logout.statusCode());
        assertTrue(sessions.stored.isEmpty());
        assertTrue(get("/").bodyAsString().contains("Welcome to Gatehouse"));
    }
}
