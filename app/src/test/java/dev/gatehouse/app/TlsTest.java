package dev.gatehouse.app;

import dev.gatehouse.adapter.vertx.web.HttpSettings;
import dev.gatehouse.adapter.vertx.web.TlsFiles;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.net.PemTrustOptions;
import io.vertx.core.net.SelfSignedCertificate;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** HTTPS served directly (--tls-cert/--tls-key) and behind a trusted proxy: HSTS, and a Secure cookie. */
@ExtendWith(VertxExtension.class)
class TlsTest {

    @TempDir
    Path dataDir;

    @Test
    void givenACertificateAndKey_thenTheTutorialFlowRunsOverHttpsWithHstsAndASecureCookie(Vertx vertx) {
        SelfSignedCertificate certificate = SelfSignedCertificate.create("localhost");
        HttpSettings https = HttpSettings.defaults("0.0.0.0", 0)
                .withTls(new TlsFiles(Path.of(certificate.certificatePath()), Path.of(certificate.privateKeyPath())));
        TestServer server = new TestServer(vertx, dataDir, https);
        WebClientOptions trusting = new WebClientOptions().setSsl(true).setVerifyHost(false)
                .setTrustOptions(new PemTrustOptions().addCertPath(certificate.certificatePath()));
        Browser browser = new Browser(vertx, server.port(), trusting);

        HttpResponse<Buffer> form = browser.get("/login");
        assertEquals("max-age=31536000", form.getHeader("Strict-Transport-Security"));
        String preLogin = Browser.setCookie(form, "__Host-gh_prelogin");
        assertTrue(preLogin.contains("Secure"), "served on 0.0.0.0, yet Secure: " + preLogin);
        HttpResponse<Buffer> login = browser.logIn("admin", server.adminPassword);
        assertEquals(303, login.statusCode());
        assertTrue(Browser.setCookie(login, "__Host-gh_session").contains("Secure"));
        assertTrue(browser.get("/").bodyAsString().contains("Hello, admin!"), "greeted over HTTPS");

        // The same port does not answer plain HTTP: nothing is ever sent in the clear.
        WebClient plain = WebClient.create(vertx);
        assertThrows(RuntimeException.class, () -> plain.request(HttpMethod.GET, server.port(), "127.0.0.1", "/").send()
                .await(Duration.ofSeconds(10).toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS));
    }

    @Test
    void givenATrustedProxy_thenHstsFollowsItsForwardedProtoAndNobodyElses(Vertx vertx) {
        HttpSettings proxied = new HttpSettings("127.0.0.1", 0, HttpSettings.DEFAULT_FORM_BODY_LIMIT, HttpSettings.DEFAULT_MAX_URL_LENGTH,
                HttpSettings.DEFAULT_MAX_HEADER_SIZE, HttpSettings.DEFAULT_MAX_FORM_FIELDS, Duration.ofSeconds(30), false, Set.of("127.0.0.1"));
        TestServer trusting = new TestServer(vertx, dataDir, proxied);
        TestServer direct = new TestServer(vertx, dataDir.resolve("direct"));

        assertEquals("max-age=31536000", forwardedProto(vertx, trusting, "https").getHeader("Strict-Transport-Security"));
        assertNull(forwardedProto(vertx, trusting, "http").getHeader("Strict-Transport-Security"));
        assertNull(forwardedProto(vertx, direct, "https").getHeader("Strict-Transport-Security"), "an untrusted peer's header counts for nothing");
    }

    private static HttpResponse<Buffer> forwardedProto(Vertx vertx, TestServer server, String proto) {
        return WebClient.create(vertx).request(HttpMethod.GET, server.port(), "127.0.0.1", "/")
                .putHeader("X-Forwarded-Proto", proto).send().await();
    }

    @Test
    void givenACertificateWithoutItsKey_thenServeRefusesInOneLine() {
        CommandRunner run = CommandRunner.runIn(Map.of(), "serve", "--tls-cert", "cert.pem");

        assertEquals(2, run.exitCode);
        assertEquals("gatehouse: tls-cert and tls-key go together: HTTPS needs both the certificate and its key.\n", run.err);
    }
}
