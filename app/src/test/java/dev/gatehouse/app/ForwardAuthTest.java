package dev.gatehouse.app;

import dev.gatehouse.adapter.vertx.web.HttpSettings;
import dev.gatehouse.adapter.vertx.web.Portal;
import dev.gatehouse.app.config.AccessRulesFile;
import dev.gatehouse.domain.CookieDomain;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The forward-auth endpoints over HTTP, with exactly the headers nginx's {@code auth_request},
 * Traefik's {@code forwardAuth} and Caddy's {@code forward_auth} send; the tests with the real
 * proxies are {@code ProxiesTest}.
 */
@ExtendWith(VertxExtension.class)
class ForwardAuthTest {

    static final String PASSWORD = "correct horse battery staple";
    static final String SHARED_COOKIE = "__Secure-gh_session";
    static final String RULES = """
            default: deny
            rules:
              - domain: app.example.com
                path: "^/admin"
                subject: group:admins
                policy: one_factor
              - domain: app.example.com
                path: "^/admin"
                policy: deny
              - domain: app.example.com
                subject: [group:staff, group:admins]
                policy: one_factor
              - domain: vault.example.com
                subject: group:ops
                policy: two_factor
            """;

    @TempDir
    Path dataDir;
    private Vertx vertx;
    private TestServer server;

    @BeforeEach
    void start(Vertx vertx) throws Exception {
        this.vertx = vertx;
        Path rules = dataDir.resolveSibling(dataDir.getFileName() + "-rules.yaml");
        Files.writeString(rules, RULES);
        HttpSettings http = new HttpSettings("127.0.0.1", 0, HttpSettings.DEFAULT_FORM_BODY_LIMIT, HttpSettings.DEFAULT_MAX_URL_LENGTH,
                HttpSettings.DEFAULT_MAX_HEADER_SIZE, HttpSettings.DEFAULT_MAX_FORM_FIELDS, HttpSettings.DEFAULT_IDLE_TIMEOUT, false,
                Set.of("127.0.0.1")).withPortals(List.of(new Portal(new CookieDomain("example.com"), "https://auth.example.com")));
        server = new TestServer(vertx, dataDir, http, AccessRulesFile.read(rules));
        CommandRunner run = CommandRunner.run(PASSWORD + "\n", "users", "add", "bob", "--group", "staff", "--name", "Zoë Bob",
                "--email", "bob@example.com", "--password-stdin", "--data-dir", dataDir.toString());
        assertEquals(0, run.exitCode, run.toString());
    }

    /** A browser at the portal, logged in as bob. */
    private Browser loggedInAtThePortal(String next) {
        Browser portal = new Browser(vertx, server.port());
        portal.virtualHost = "auth.example.com";
        String csrf = Browser.csrfOf(portal.get("/login" + (next == null ? "" : "?next=" + Browser.encode(Map.of("x", next)).substring(2))));
        HttpResponse<Buffer> login = portal.post("/login", next == null ? Map.of("username", "bob", "password", PASSWORD, "csrf", csrf)
                : Map.of("username", "bob", "password", PASSWORD, "csrf", csrf, "next", next));
        assertEquals(303, login.statusCode(), login.bodyAsString());
        String cookie = Browser.setCookie(login, SHARED_COOKIE);
        assertTrue(cookie.contains("Domain=example.com") && cookie.contains("Secure") && cookie.toLowerCase(java.util.Locale.ROOT).contains("httponly"), cookie);
        if (next != null) {
            assertEquals(next, login.getHeader("Location"), "back to the protected site");
        }
        return portal;
    }

    /** What nginx's auth_request sends: the session cookie of the original request, and the original URL and method. */
    private HttpResponse<Buffer> nginxAsks(Browser as, String method, String url) {
        HttpRequest<Buffer> request = as.request(HttpMethod.GET, "/auth/request").putHeader("X-Original-URL", url).putHeader("X-Original-Method", method);
        as.virtualHost = null;
        return as.send(request, null, null);
    }

    /** What Traefik and Caddy send: the original method, scheme, host and URI, and the browser's own headers. */
    private HttpResponse<Buffer> traefikAsks(Browser as, String method, String host, String uri, String accept) {
        HttpRequest<Buffer> request = as.request(HttpMethod.GET, "/auth/forward").putHeader("X-Forwarded-Method", method)
                .putHeader("X-Forwarded-Proto", "https").putHeader("X-Forwarded-Host", host).putHeader("X-Forwarded-Uri", uri)
                .putHeader("X-Forwarded-For", "203.0.113.9");
        if (accept != null) {
            request.putHeader("Accept", accept);
        }
        as.virtualHost = null;
        return as.send(request, null, null);
    }

    @Test
    void givenNginxAndNobodyLoggedIn_then401WithTheLoginPageThatComesBackToTheOriginalUrl() {
        HttpResponse<Buffer> answer = nginxAsks(new Browser(vertx, server.port()), "GET", "https://app.example.com/reports?q=1");
        assertEquals(401, answer.statusCode());
        assertEquals("https://auth.example.com/login?next=https%3A%2F%2Fapp.example.com%2Freports%3Fq%3D1", answer.getHeader("Location"));
        assertNull(answer.getHeader("Remote-User"));
        assertTrue(answer.headers().getAll("Set-Cookie").isEmpty(), "nothing is stored for a stranger");
    }

    @Test
    void givenALoginAtThePortal_thenTheProtectedSiteGetsTheIdentityHeadersAndNoCookie() {
        Browser bob = loggedInAtThePortal("https://app.example.com/reports?q=1");
        HttpResponse<Buffer> answer = nginxAsks(bob, "GET", "https://app.example.com/reports?q=1");
        assertEquals(200, answer.statusCode(), answer.bodyAsString());
        assertEquals("bob", answer.getHeader("Remote-User"));
        assertEquals("staff", answer.getHeader("Remote-Groups"));
        assertEquals("Zoë Bob", new String(answer.getHeader("Remote-Name").getBytes(java.nio.charset.StandardCharsets.ISO_8859_1),
                java.nio.charset.StandardCharsets.UTF_8), "UTF-8 bytes, as Authelia sends them");
        assertEquals("bob@example.com", answer.getHeader("Remote-Email"));
        assertTrue(answer.headers().getAll("Set-Cookie").isEmpty(), "no cookie on the auth path: nginx would drop it");
    }

    @Test
    void givenALoggedInUserTheRulesRefuse_then403NeverA401() {
        Browser bob = loggedInAtThePortal(null);
        assertEquals(403, nginxAsks(bob, "GET", "https://app.example.com/admin").statusCode());
        HttpResponse<Buffer> traefik = traefikAsks(bob, "GET", "app.example.com", "/admin/x", "text/html");
        assertEquals(403, traefik.statusCode());
        assertTrue(traefik.bodyAsString().contains("You are logged in as bob, and the access rules do not let you open this page."));
        assertEquals(403, nginxAsks(bob, "GET", "https://other.example.com/").statusCode(), "the default: deny");
    }

    @Test
    void givenTraefikOrCaddy_thenABrowserIsRedirectedAScriptGets401AndAPostA303() {
        Browser stranger = new Browser(vertx, server.port());
        HttpResponse<Buffer> page = traefikAsks(stranger, "GET", "app.example.com", "/reports?q=1", "text/html,application/xhtml+xml");
        assertEquals(302, page.statusCode());
        assertEquals("https://auth.example.com/login?next=https%3A%2F%2Fapp.example.com%2Freports%3Fq%3D1", page.getHeader("Location"));
        assertEquals(303, traefikAsks(stranger, "POST", "app.example.com", "/form", "text/html").statusCode());
        assertEquals(401, traefikAsks(stranger, "GET", "app.example.com", "/api/items", "application/json").statusCode());
        assertEquals(401, traefikAsks(stranger, "GET", "app.example.com", "/x", null).statusCode());

        Browser bob = loggedInAtThePortal(null);
        HttpResponse<Buffer> allowed = traefikAsks(bob, "GET", "app.example.com", "/reports?q=1", "text/html");
        assertEquals(200, allowed.statusCode());
        assertEquals("bob", allowed.getHeader("Remote-User"));
    }

    @Test
    void givenATargetOutsideTheCookieDomainsOrNotHttps_then400() {
        Browser bob = loggedInAtThePortal(null);
        for (String url : List.of("http://app.example.com/", "https://example.com.evil.net/", "https://evil.net/?x=example.com",
                "https://example.com@evil.net/", "/relative", "")) {
            assertEquals(400, nginxAsks(bob, "GET", url).statusCode(), url);
        }
        HttpRequest<Buffer> partial = bob.request(HttpMethod.GET, "/auth/forward").putHeader("X-Forwarded-Host", "app.example.com");
        assertEquals(400, bob.send(partial, null, null).statusCode(), "every X-Forwarded-* header is needed");
    }

    @Test
    void givenALogoutAtThePortal_thenTheNextProxiedRequestGoesToTheLoginAgain() {
        Browser bob = loggedInAtThePortal(null);
        assertEquals(200, nginxAsks(bob, "GET", "https://app.example.com/").statusCode());
        bob.virtualHost = "auth.example.com";
        String csrf = Browser.csrfOf(bob.get("/"));
        HttpResponse<Buffer> logout = bob.post("/logout", Map.of("csrf", csrf));
        assertEquals(303, logout.statusCode());
        assertTrue(Browser.setCookie(logout, SHARED_COOKIE).contains("Domain=example.com"), "cleared with the Domain it was set with");
        assertEquals(401, nginxAsks(bob, "GET", "https://app.example.com/").statusCode());
    }

    @Test
    void givenForwardAuthRequests_thenTheyKeepTheSessionAliveUntilItIsLeftIdle() {
        Browser bob = loggedInAtThePortal(null);
        java.time.Duration step = TestServer.IDLE.minusMinutes(1);
        for (int i = 0; i < 3; i++) {
            server.clock.advance(step);
            assertEquals(200, nginxAsks(bob, "GET", "https://app.example.com/").statusCode(), "each request moves the idle time");
        }
        server.clock.advance(TestServer.IDLE.plusSeconds(1));
        assertEquals(401, nginxAsks(bob, "GET", "https://app.example.com/").statusCode(), "left idle: log in again");
    }

    @Test
    void givenATwoFactorRuleAndAOneFactorSession_thenTheUserSetsUpASecondFactorAtThePortalAndComesBack() {
        Browser bob = loggedInAtThePortal(null);
        assertEquals(403, nginxAsks(bob, "GET", "https://vault.example.com/").statusCode(), "not in ops: the default, deny");
        assertEquals(0, CommandRunner.run("", "users", "groups", "bob", "add", "ops", "--data-dir", dataDir.toString()).exitCode);
        server.running.users().refresh().toCompletableFuture().join();

        HttpResponse<Buffer> asked = nginxAsks(bob, "GET", "https://vault.example.com/secrets");
        assertEquals(401, asked.statusCode(), "in ops, logged in with a password alone: the code first");
        String next = "https%3A%2F%2Fvault.example.com%2Fsecrets";
        assertEquals("https://auth.example.com/login/second-factor?next=" + next, asked.getHeader("Location"));
        assertEquals(302, traefikAsks(bob, "GET", "vault.example.com", "/secrets", "text/html").statusCode());

        bob.virtualHost = "auth.example.com";
        HttpResponse<Buffer> step = bob.get("/login/second-factor?next=" + next);
        assertEquals(303, step.statusCode());
        assertEquals("/account/two-factor?next=" + next, step.getHeader("Location"), "no second factor yet: set one up first");
        HttpResponse<Buffer> account = bob.get(step.getHeader("Location"));
        assertTrue(account.bodyAsString().contains("The page you opened asks for two-factor authentication. Set it up to go on."));
        HttpResponse<Buffer> setup = bob.post("/account/two-factor/setup", Map.of("csrf", Browser.csrfOf(account), "password", PASSWORD,
                "next", "https://vault.example.com/secrets"));
        java.util.regex.Matcher key = java.util.regex.Pattern.compile("id=\"key\">([A-Z2-7 ]+)<").matcher(setup.bodyAsString());
        java.util.regex.Matcher token = java.util.regex.Pattern.compile("name=\"token\" value=\"([^\"]+)\"").matcher(setup.bodyAsString());
        assertTrue(key.find() && token.find(), setup.bodyAsString());
        dev.gatehouse.domain.secondfactor.TotpSecret secret = new dev.gatehouse.domain.secondfactor.TotpSecret(
                new io.vertx.ext.auth.otp.OtpKey().setKey(key.group(1).replace(" ", "")).getKeyBytes());
        HttpResponse<Buffer> codes = bob.post("/account/two-factor/confirm", Map.of("csrf", Browser.csrfOf(setup), "token", token.group(1),
                "next", "https://vault.example.com/secrets", "code", new dev.gatehouse.adapter.vertx.driven.signing.HmacAuthenticatorCodes()
                        .code(secret, dev.gatehouse.domain.secondfactor.Totp.step(server.clock.instant()))));
        assertTrue(codes.bodyAsString().contains("<a href=\"https://vault.example.com/secrets\">Continue</a>"), codes.bodyAsString());

        HttpResponse<Buffer> now = nginxAsks(bob, "GET", "https://vault.example.com/secrets");
        assertEquals(200, now.statusCode(), "the confirming code raised the session to two factors");
        assertEquals("bob", now.getHeader("Remote-User"));
    }

    @Test
    void givenAGroupChange_thenTheNextRequestFollowsIt() {
        Browser bob = loggedInAtThePortal(null);
        assertEquals(403, nginxAsks(bob, "GET", "https://app.example.com/admin").statusCode());
        assertEquals(0, CommandRunner.run("", "users", "groups", "bob", "add", "admins", "--data-dir", dataDir.toString()).exitCode);
        server.running.users().refresh().toCompletableFuture().join();
        HttpResponse<Buffer> now = nginxAsks(bob, "GET", "https://app.example.com/admin");
        assertEquals(200, now.statusCode());
        assertEquals("admins,staff", now.getHeader("Remote-Groups"));
    }

    @Test
    void givenARequestFromAnAddressThatIsNoTrustedProxy_then403(@TempDir Path otherDir) {
        HttpSettings untrusting = HttpSettings.defaults("127.0.0.1", 0)
                .withPortals(List.of(new Portal(new CookieDomain("example.com"), "https://auth.example.com")));
        TestServer other = new TestServer(vertx, otherDir, untrusting, dev.gatehouse.domain.access.AccessRules.LOGGED_IN_USERS);
        Browser anyone = new Browser(vertx, other.port());
        HttpResponse<Buffer> answer = anyone.send(anyone.request(HttpMethod.GET, "/auth/request")
                .putHeader("X-Original-URL", "https://app.example.com/"), null, null);
        assertEquals(403, answer.statusCode());
        assertFalse(answer.headers().contains("Remote-User"));
    }
}
