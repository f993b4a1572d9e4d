package dev.gatehouse.app;

import dev.gatehouse.adapter.vertx.driven.signing.HmacSigner;
import dev.gatehouse.adapter.vertx.web.CookieSettings;
import dev.gatehouse.adapter.vertx.web.SessionCookie;
import dev.gatehouse.domain.SessionId;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** S22: after a rotation the previous secret still verifies cookies, and only the current one ever signs. */
@ExtendWith(VertxExtension.class)
class SecretRotationTest {

    private static final String CURRENT = "Vx9qLm2RtY7wPz4KbN8cJd3HfG6sA1eU";
    private static final String PREVIOUS = "Qk5TnW8yRb2LmX7vPc4ZjH9dFs3GtE6a";
    private static final String UNKNOWN = "Hj7Rk2Nw9Pq4Zt8Lm3Xb6Vc1Yd5Sf0Ga";
    private static final String PASSWORD = "correct horse battery staple";

    @TempDir
    Path dataDir;
    private TestServer server;
    private Vertx vertx;

    @BeforeEach
    void start(Vertx vertx) throws Exception {
        this.vertx = vertx;
        Files.createDirectories(dataDir);
        Path secret = Files.writeString(dataDir.resolve("secret"), CURRENT + "\n" + PREVIOUS + "\n");
        Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("rw-------"));
        server = new TestServer(vertx, dataDir);
        CommandRunner.addUser(dataDir, "alice", PASSWORD);
    }

    private static SessionCookie signedWith(String secret) {
        return new SessionCookie(CookieSettings.forSecureContext(true), new HmacSigner(List.of(secret.getBytes(StandardCharsets.UTF_8))));
    }

    private static Optional<SessionId> read(SessionCookie cookie, String value) {
        MultiMap headers = HttpHeaders.headers().add("Cookie", CookieSettings.HOST_PREFIXED_NAME + "=" + value);
        return cookie.read(headers);
    }

    @Test
    void givenALogin_thenItsCookieIsSignedWithTheCurrentSecretAndNeverWithThePreviousOne() {
        Browser browser = new Browser(vertx, server.port());
        assertEquals(303, browser.logIn("alice", PASSWORD).statusCode());
        Browser again = new Browser(vertx, server.port());
        assertEquals(303, again.logIn("alice", PASSWORD).statusCode());
        for (String issued : List.of(browser.cookie, again.cookie)) {
            assertTrue(read(signedWith(CURRENT), issued).isPresent(), "signed with the current secret");
            assertTrue(read(signedWith(PREVIOUS), issued).isEmpty(), "never with the previous one");
        }
    }

    @Test
    void givenACookieSignedBeforeTheRotation_thenItStillWorksAndOneSignedWithAnUnlistedSecretDoesNot() {
        Browser browser = new Browser(vertx, server.port());
        assertEquals(303, browser.logIn("alice", PASSWORD).statusCode());
        SessionId session = read(signedWith(CURRENT), browser.cookie).orElseThrow();

        browser.cookie = signedWith(PREVIOUS).signedValue(session);
        assertTrue(browser.get("/").bodyAsString().contains("Hello, alice!"), "the previous secret still verifies");

        browser.cookie = signedWith(UNKNOWN).signedValue(session);
        assertTrue(browser.get("/").bodyAsString().contains("Welcome to Gatehouse"), "a secret that is not listed does not");
    }
}
