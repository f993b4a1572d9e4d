package dev.gatehouse.app;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import io.vertx.openapi.contract.OpenAPIContract;
import io.vertx.openapi.validation.ResponseValidator;
import io.vertx.openapi.validation.ValidatableResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The JSON API over the real server, every answer held to the OpenAPI document the server itself
 * serves (vertx-openapi checks the document, then each response against its operation).
 */
@ExtendWith(VertxExtension.class)
class SessionApiTest {

    private static final String PROBLEM = "application/problem+json";

    @TempDir
    Path dataDir;

    private TestServer server;
    private Browser client;
    private ResponseValidator contract;

    @BeforeEach
    void start(Vertx vertx) {
        server = new TestServer(vertx, dataDir);
        client = new Browser(vertx, server.port());
        HttpResponse<Buffer> served = client.get("/api/openapi.yaml");
        assertEquals(200, served.statusCode());
        assertEquals("text/yaml; charset=utf-8", served.getHeader("Content-Type"), "shown in a browser rather than downloaded");
        @SuppressWarnings("unchecked")
        Map<String, Object> yaml = (Map<String, Object>) new Load(LoadSettings.builder().build()).loadFromString(served.bodyAsString());
        // Reading the document into a contract checks it against the OpenAPI schema itself. vertx-openapi 5.0
        // knows no application/problem+json, so it is shown the problems as application/json, with their schema.
        JsonObject document = new JsonObject(yaml);
        JsonObject forValidator = new JsonObject(document.encode().replace(PROBLEM, "application/json"));
        contract = ResponseValidator.create(vertx, OpenAPIContract.from(vertx, forValidator).await());
    }

    /** Sends a call and checks the answer against the document's operation; fails the test when it does not fit. */
    private HttpResponse<Buffer> call(String operationId, HttpMethod method, String path, String json, Map<String, String> headers) {
        HttpRequest<Buffer> request = client.request(method, path);
        headers.forEach(request::putHeader);
        HttpResponse<Buffer> response = client.send(request, json, json == null ? null : "application/json");
        Map<String, String> responseHeaders = new HashMap<>();
        response.headers().forEach(header -> responseHeaders.put(header.getKey(), header.getValue()));
        String contentType = response.getHeader("Content-Type");
        if (PROBLEM.equals(contentType)) {
            contentType = "application/json";
        }
        ValidatableResponse validatable = response.body() == null || contentType == null
                ? ValidatableResponse.create(response.statusCode(), responseHeaders)
                : ValidatableResponse.create(response.statusCode(), responseHeaders, response.body(), contentType);
        contract.validate(validatable, operationId).await();
        return response;
    }

    private HttpResponse<Buffer> logIn(String username, String password, Map<String, String> headers) {
        return call("logIn", HttpMethod.POST, "/api/session", new JsonObject().put("username", username).put("password", password).encode(), headers);
    }

    @Test
    void givenGoodCredentials_thenLogInWhoAmIListAndLogOutWorkAsDocumented() {
        HttpResponse<Buffer> loggedIn = logIn("admin", server.adminPassword, Map.of());
        assertEquals(200, loggedIn.statusCode());
        assertEquals("no-store", loggedIn.getHeader("Cache-Control"));
        assertNotNull(client.cookie, "the session cookie is set");
        String csrf = loggedIn.bodyAsJsonObject().getString("csrfToken");
        assertEquals("admin", loggedIn.bodyAsJsonObject().getString("username"));

        HttpResponse<Buffer> whoAmI = call("whoAmI", HttpMethod.GET, "/api/session", null, Map.of());
        JsonObject who = whoAmI.bodyAsJsonObject();
        assertEquals(new JsonObject().put("username", "admin").put("csrfToken", csrf).put("fresh", true).put("authenticatedWith", "password")
                .put("authenticatedAt", server.clock.instant().toString()), who);

        HttpResponse<Buffer> sessions = call("listSessions", HttpMethod.GET, "/api/sessions", null, Map.of());
        JsonArray list = sessions.bodyAsJsonObject().getJsonArray("sessions");
        assertEquals(1, list.size());
        assertEquals(true, list.getJsonObject(0).getBoolean("current"));
        assertEquals("web", list.getJsonObject(0).getString("channel"));

        assertEquals(403, call("logOut", HttpMethod.DELETE, "/api/session", null, Map.of()).statusCode(), "no token, no logout");
        assertEquals(403, call("logOut", HttpMethod.DELETE, "/api/session", null, Map.of("X-CSRF-Token", "wrong")).statusCode());
        assertEquals(200, call("whoAmI", HttpMethod.GET, "/api/session", null, Map.of()).statusCode(), "still logged in");
        assertEquals(204, call("logOut", HttpMethod.DELETE, "/api/session", null, Map.of("X-CSRF-Token", csrf)).statusCode());
        assertNull(client.cookie, "the cookie is cleared");
        HttpResponse<Buffer> after = call("whoAmI", HttpMethod.GET, "/api/session", null, Map.of());
        assertEquals(401, after.statusCode());
        assertEquals(PROBLEM, after.getHeader("Content-Type"));
    }

    @Test
    void givenWrongCredentials_thenOneProblemWhateverWasWrongAndNothingIsStored() {
        HttpResponse<Buffer> wrongPassword = logIn("admin", "not the password at all", Map.of());
        HttpResponse<Buffer> unknownUser = logIn("nobody", "not the password at all", Map.of());

        assertEquals(401, wrongPassword.statusCode());
        assertEquals(wrongPassword.bodyAsString(), unknownUser.bodyAsString());
        assertEquals("Invalid username or password.", wrongPassword.bodyAsJsonObject().getString("title"));
        assertFalse(wrongPassword.bodyAsJsonObject().getString("detail").isBlank(), "every problem says what to do");
        assertNull(client.cookie, "a failed attempt sets no cookie");
    }

    @Test
    void givenALiveSession_thenLoggingInAgainNeedsItsTokenAndReplacesIt() {
        String csrf = logIn("admin", server.adminPassword, Map.of()).bodyAsJsonObject().getString("csrfToken");
        String before = client.cookie;

        assertEquals(403, logIn("admin", server.adminPassword, Map.of()).statusCode());
        HttpResponse<Buffer> again = logIn("admin", server.adminPassword, Map.of("X-CSRF-Token", csrf));

        assertEquals(200, again.statusCode());
        assertNotEquals(before, client.cookie, "a new session id");
        assertNotEquals(csrf, again.bodyAsJsonObject().getString("csrfToken"), "and a new token");
        assertEquals(1, call("listSessions", HttpMethod.GET, "/api/sessions", null, Map.of()).bodyAsJsonObject().getJsonArray("sessions").size());
    }

    @Test
    void givenBodiesThatAreNotAJsonObject_thenTheRightStatusAsAProblem() {
        HttpRequest<Buffer> form = client.request(HttpMethod.POST, "/api/session");
        assertProblem(415, client.send(form, "username=admin&password=x", "application/x-www-form-urlencoded"));
        assertProblem(400, call("logIn", HttpMethod.POST, "/api/session", "{\"username\": \"admin\",", Map.of()));
        assertProblem(400, call("logIn", HttpMethod.POST, "/api/session", "[\"admin\", \"x\"]", Map.of()));
        assertProblem(400, call("logIn", HttpMethod.POST, "/api/session", "{\"username\": \"admin\", \"password\": 42}", Map.of()));
        assertProblem(413, call("logIn", HttpMethod.POST, "/api/session", "{\"username\": \"" + "a".repeat(10_000) + "\"}", Map.of()));
        assertProblem(403, call("logIn", HttpMethod.POST, "/api/session", "{\"username\": \"admin\", \"password\": \"x\"}",
                Map.of("Origin", "https://evil.example", "Sec-Fetch-Site", "cross-site")));
        assertProblem(404, client.get("/api/nothing-here"));
        assertProblem(405, client.send(client.request(HttpMethod.PUT, "/api/session"), null, null));
    }

    @Test
    void givenRepeatedFailures_thenTheApiIsThrottledLikeTheForm() {
        for (int i = 0; i < 5; i++) {
            assertEquals(401, logIn("admin", "not the password at all", Map.of()).statusCode());
        }
        HttpResponse<Buffer> throttled = logIn("admin", server.adminPassword, Map.of());

        assertEquals(429, throttled.statusCode(), "even the right password waits");
        assertEquals("1", throttled.getHeader("Retry-After"));
        assertEquals("Too many failed login attempts. Try again in 1 second.", throttled.bodyAsJsonObject().getString("detail"));
    }

    @Test
    void givenASecondFactor_thenBothStepsAnswerAsDocumented() {
        dev.gatehouse.domain.Username admin = new dev.gatehouse.domain.Username("admin");
        dev.gatehouse.domain.secondfactor.TotpSecret secret = dev.gatehouse.domain.secondfactor.TotpSecret.generate(new java.security.SecureRandom());
        java.util.List<String> recovery = dev.gatehouse.domain.secondfactor.RecoveryCodes.generate(new java.security.SecureRandom());
        server.running.users().enrol(admin, secret, recovery.stream().map(code -> dev.gatehouse.domain.secondfactor.RecoveryCodes.hash(code)
                .orElseThrow()).collect(java.util.stream.Collectors.toSet())).toCompletableFuture().join();

        HttpResponse<Buffer> first = logIn("admin", server.adminPassword, Map.of());
        assertEquals(200, first.statusCode());
        assertEquals(true, first.bodyAsJsonObject().getBoolean("secondFactorRequired"));
        String csrf = first.bodyAsJsonObject().getString("csrfToken");
        assertEquals(401, call("whoAmI", HttpMethod.GET, "/api/session", null, Map.of()).statusCode(), "half-way is nobody");

        assertProblem(403, call("completeLogin", HttpMethod.POST, "/api/session/second-factor", "{\"code\": \"123456\"}", Map.of()));
        assertProblem(400, call("completeLogin", HttpMethod.POST, "/api/session/second-factor", "{\"code\": 123456}", Map.of("X-CSRF-Token", csrf)));
        String right = new dev.gatehouse.adapter.vertx.driven.signing.HmacAuthenticatorCodes().code(secret,
                dev.gatehouse.domain.secondfactor.Totp.step(server.clock.instant()));
        String wrong = "000000".equals(right) ? "111111" : "000000";
        assertProblem(401, call("completeLogin", HttpMethod.POST, "/api/session/second-factor", "{\"code\": \"" + wrong + "\"}",
                Map.of("X-CSRF-Token", csrf)));
        HttpResponse<Buffer> second = call("completeLogin", HttpMethod.POST, "/api/session/second-factor",
                "{\"code\": \"" + right + "\", \"trustBrowser\": true}", Map.of("X-CSRF-Token", csrf));
        assertEquals(200, second.statusCode(), second.bodyAsString());
        assertEquals("password_and_code", second.bodyAsJsonObject().getString("authenticatedWith"));
        assertEquals(10, second.bodyAsJsonObject().getInteger("recoveryCodesLeft"));
        assertEquals("admin", call("whoAmI", HttpMethod.GET, "/api/session", null, Map.of()).bodyAsJsonObject().getString("username"));
        assertProblem(401, call("completeLogin", HttpMethod.POST, "/api/session/second-factor", "{\"code\": \"" + right + "\"}",
                Map.of("X-CSRF-Token", second.bodyAsJsonObject().getString("csrfToken"))));
    }

    private static void assertProblem(int status, HttpResponse<Buffer> response) {
        assertEquals(status, response.statusCode(), response.bodyAsString());
        assertEquals(PROBLEM, response.getHeader("Content-Type"));
        assertEquals(status, response.bodyAsJsonObject().getInteger("status"));
        assertTrue(response.bodyAsString().length() < 300 && !response.bodyAsString().contains("Exception"), response.bodyAsString());
    }
}
