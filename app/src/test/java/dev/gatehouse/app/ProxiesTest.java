package dev.gatehouse.app;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Gatehouse in front of an application it did not write, behind the real reverse proxies of
 * Debian's packages ({@link ProtectedSite}), asked as a browser and a script would.
 */
@ExtendWith(VertxExtension.class)
class ProxiesTest {

    @TempDir
    Path dataDir;
    @TempDir
    Path proxyDir;

    /** A browser that talks to the proxy, naming the host it wants. */
    private static Browser browserAt(Vertx vertx, ProtectedSite site, String host) {
        Browser browser = new Browser(vertx, site.port);
        browser.virtualHost = host;
        return browser;
    }

    private static HttpResponse<Buffer> visit(Browser browser, String path, String accept) {
        browser.virtualHost = "app.example.localhost";
        HttpRequest<Buffer> request = browser.request(HttpMethod.GET, path).putHeader("Accept", accept)
                .putHeader("Remote-User", "mallory").putHeader("Remote-Groups", "admins");
        return browser.send(request, null, null);
    }

    @ParameterizedTest
    @ValueSource(strings = {"nginx", "caddy"})
    void givenAProxyInFront_thenStrangersLogInAtThePortalComeBackAndTheApplicationSeesOnlyGatehousesHeaders(String which, Vertx vertx)
            throws Exception {
        Assumptions.assumeTrue(ProtectedSite.installed(which), "needs Debian's " + which + " (apt-get install "
                + (which.equals("nginx") ? "nginx-light" : "caddy") + ")");
        try (ProtectedSite site = new ProtectedSite(vertx, which, dataDir, proxyDir)) {
            Browser browser = browserAt(vertx, site, "app.example.localhost");

            HttpResponse<Buffer> stranger = visit(browser, "/reports?q=1", "text/html");
            assertEquals(302, stranger.statusCode(), stranger.bodyAsString() + site.proxyLog(which));
            String login = stranger.getHeader("Location");
            assertEquals(site.portal("/login?next=" + URLEncoder.encode(site.app("/reports?q=1"), StandardCharsets.UTF_8)), login);

            browser.virtualHost = "auth.example.localhost";
            String csrf = Browser.csrfOf(browser.get(login.substring(login.indexOf("/login"))));
            HttpResponse<Buffer> loggedIn = browser.post("/login", Map.of("username", "bob", "password", ProtectedSite.PASSWORD, "csrf", csrf,
                    "next", site.app("/reports?q=1")));
            assertEquals(303, loggedIn.statusCode(), loggedIn.bodyAsString());
            assertEquals(site.app("/reports?q=1"), loggedIn.getHeader("Location"), "back where the visit began");

            browser.others.put("theme", "dark");  // the application's own cookie, which must pass
            HttpResponse<Buffer> page = visit(browser, "/reports?q=1", "text/html");
            assertEquals(200, page.statusCode(), page.bodyAsString());
            JsonObject seen = page.bodyAsJsonObject();
            assertEquals("bob", seen.getString("remote-user"), "never the forged mallory: " + seen);
            assertEquals("staff", seen.getString("remote-groups"), seen.encode());
            assertFalse(seen.getString("cookie", "").contains("gh_session"), "the application never sees the session cookie: " + seen);
            assertTrue(seen.getString("cookie", "").contains("theme=dark"), "its own cookies pass: " + seen);

            HttpResponse<Buffer> denied = visit(browser, "/admin", "text/html");
            assertEquals(403, denied.statusCode(), "denied, not sent round a login loop");

            Browser script = browserAt(vertx, site, "app.example.localhost");
            assertEquals(401, visit(script, "/api/items", "application/json").statusCode(), "a script is not redirected");

            browser.virtualHost = "auth.example.localhost";
            assertEquals(303, browser.post("/logout", Map.of("csrf", Browser.csrfOf(browser.get("/")))).statusCode());
            assertEquals(302, visit(browser, "/reports?q=1", "text/html").statusCode(), "logged out at the portal: out everywhere");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"nginx"})
    void givenAnAddressThatIsNoTrustedProxy_thenGatehouseRefusesToAnswerIt(String which, Vertx vertx) throws Exception {
        Assumptions.assumeTrue(ProtectedSite.installed(which), "needs Debian's nginx (apt-get install nginx-light)");
        try (ProtectedSite site = new ProtectedSite(vertx, which, dataDir, proxyDir)) {
            // Straight to Gatehouse from 127.0.0.2: on this machine, but not the proxy Gatehouse trusts.
            WebClient elsewhere = WebClient.create(vertx, new WebClientOptions().setLocalAddress("127.0.0.2"));
            HttpResponse<Buffer> answer = elsewhere.get(site.gatehouse.port(), "127.0.0.1", "/auth/request")
                    .putHeader("X-Original-URL", site.app("/")).send().await();
            assertEquals(403, answer.statusCode());
            assertNull(answer.getHeader("Remote-User"));
        }
    }
}
