package dev.gatehouse.app;

import dev.gatehouse.adapter.vertx.web.HttpSettings;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** --trusted-proxy: X-Forwarded-For names the client only when a trusted proxy sends it. */
@ExtendWith(VertxExtension.class)
class TrustedProxyTest {

    @TempDir
    Path dataDir;

    private static HttpSettings trusting(Set<String> proxies) {
        return new HttpSettings("127.0.0.1", 0, HttpSettings.DEFAULT_FORM_BODY_LIMIT, HttpSettings.DEFAULT_MAX_URL_LENGTH,
                HttpSettings.DEFAULT_MAX_HEADER_SIZE, HttpSettings.DEFAULT_MAX_FORM_FIELDS, Duration.ofSeconds(30), false, proxies);
    }

    /** A failed login for a user of its own, from the client the header names. */
    private static int failFrom(Vertx vertx, TestServer server, String forwardedFor, int n) {
        Browser browser = new Browser(vertx, server.port());
        browser.forwardedFor = forwardedFor;
        return browser.logIn("user" + n, "not the password at all").statusCode();
    }

    @Test
    void givenATrustedProxy_thenEachForwardedClientHasItsOwnAllowance(Vertx vertx) {
        TestServer server = new TestServer(vertx, dataDir, trusting(Set.of("127.0.0.1")));
        for (int i = 0; i < 20; i++) {
            assertEquals(200, failFrom(vertx, server, "203.0.113.5", i));
        }
        assertEquals(429, failFrom(vertx, server, "203.0.113.5", 20), "the forwarded client has spent its allowance");
        assertEquals(200, failFrom(vertx, server, "198.51.100.9, 203.0.113.6", 21), "another client, the right-most hop");
    }

    @Test
    void givenNoTrustedProxy_thenTheHeaderIsIgnoredAndEveryAttemptCountsForThePeer(Vertx vertx) {
        TestServer server = new TestServer(vertx, dataDir, trusting(Set.of()));
        for (int i = 0; i < 20; i++) {
            assertEquals(200, failFrom(vertx, server, "203.0.113." + i, i), "a client cannot pick its own address");
        }
        assertEquals(429, failFrom(vertx, server, "203.0.113.99", 20));
    }

    @Test
    void givenATrustedProxyOnAnyAddress_thenTheCookieIsSecureForTheProxysHttps(Vertx vertx) {
        HttpSettings everywhere = new HttpSettings("0.0.0.0", 0, HttpSettings.DEFAULT_FORM_BODY_LIMIT, HttpSettings.DEFAULT_MAX_URL_LENGTH,
                HttpSettings.DEFAULT_MAX_HEADER_SIZE, HttpSettings.DEFAULT_MAX_FORM_FIELDS, Duration.ofSeconds(30), false, Set.of("10.0.0.2"));
        TestServer server = new TestServer(vertx, dataDir, everywhere);
        Browser browser = new Browser(vertx, server.port());
        assertTrue(Browser.setCookie(browser.get("/login"), "__Host-gh_prelogin").contains("Secure"));
        assertTrue(Browser.setCookie(browser.logIn("admin", server.adminPassword), "__Host-gh_session").contains("Secure"));
    }
}
