package dev.gatehouse.app;

import dev.gatehouse.adapter.vertx.driven.signing.HmacAuthenticatorCodes;
import dev.gatehouse.domain.access.SecondFactorRequirement;
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
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code --require-second-factor}: a user without one sets it up right after the password, before the login goes on. */
@ExtendWith(VertxExtension.class)
class RequiredSecondFactorTest {

    private static final String PASSWORD = "correct horse battery staple";

    @TempDir
    Path dataDir;
    private TestServer server;
    private Vertx vertx;

    @BeforeEach
    void start(Vertx vertx) {
        this.vertx = vertx;
        server = new TestServer(vertx, dataDir, new SecondFactorRequirement(true, Set.of()));
        CommandRunner.addUser(dataDir, "alice", PASSWORD);
    }

    private static String match(String regex, HttpResponse<Buffer> page) {
        Matcher matcher = Pattern.compile(regex).matcher(page.bodyAsString());
        assertTrue(matcher.find(), regex + " on\n" + page.bodyAsString());
        return matcher.group(1);
    }

    @Test
    void givenAUserWithoutASecondFactor_thenTheLoginSetsOneUpBeforeAnythingElse() {
        Browser browser = new Browser(vertx, server.port());
        HttpResponse<Buffer> password = browser.logIn("alice", PASSWORD);
        assertEquals("/login/second-factor", password.getHeader("Location"));
        HttpResponse<Buffer> setup = browser.get("/login/second-factor");
        assertTrue(setup.bodyAsString().contains("Your account needs two-factor authentication"), setup.bodyAsString());
        assertFalse(browser.get("/").bodyAsString().contains("Hello, alice!"), "nothing else before it");
        assertEquals(302, browser.get("/account/two-factor").statusCode());

        TotpSecret secret = new TotpSecret(new OtpKey().setKey(match("id=\"key\">([A-Z2-7 ]+)<", setup).replace(" ", "")).getKeyBytes());
        String token = match("name=\"token\" value=\"([^\"]+)\"", setup);
        HttpResponse<Buffer> wrong = browser.post("/login/second-factor/enrol", Map.of("csrf", Browser.csrfOf(setup), "token", token, "code", "12345"));
        assertTrue(wrong.bodyAsString().contains("That code is not right."), wrong.bodyAsString());
        assertEquals(match("id=\"key\">([A-Z2-7 ]+)<", setup), match("id=\"key\">([A-Z2-7 ]+)<", wrong), "the same key again");

        HttpResponse<Buffer> codes = browser.post("/login/second-factor/enrol", Map.of("csrf", Browser.csrfOf(setup), "token", token,
                "code", new HmacAuthenticatorCodes().code(secret, Totp.step(server.clock.instant()))));
        assertEquals(200, codes.statusCode());
        assertTrue(codes.bodyAsString().contains("Two-factor authentication is on"));
        assertTrue(codes.bodyAsString().contains("<a href=\"/\">Continue</a>"));
        assertTrue(browser.get("/").bodyAsString().contains("Hello, alice!"));
        assertEquals("password_and_code", browser.get("/api/session").bodyAsJsonObject().getString("authenticatedWith"));

        HttpResponse<Buffer> account = browser.get("/account/two-factor");
        HttpResponse<Buffer> off = browser.post("/account/two-factor/remove", Map.of("csrf", Browser.csrfOf(account)));
        assertTrue(off.bodyAsString().contains("Your account must have a second factor, so it cannot be turned off."), off.bodyAsString());

        Browser next = new Browser(vertx, server.port());
        next.logIn("alice", PASSWORD);
        assertTrue(next.get("/login/second-factor").bodyAsString().contains("Authentication code"), "from now on, the code");
    }

    @Test
    void givenTheJsonApi_thenAUserWithoutASecondFactorIsToldToSetItUpInABrowser() {
        Browser client = new Browser(vertx, server.port());
        HttpResponse<Buffer> refused = client.postRaw("/api/session", "{\"username\":\"alice\",\"password\":\"" + PASSWORD + "\"}", "application/json");
        assertEquals(403, refused.statusCode());
        assertTrue(refused.bodyAsJsonObject().getString("detail").contains("log in once in a browser"), refused.bodyAsString());
        assertEquals(null, client.cookie, "no session for it");
    }
}
