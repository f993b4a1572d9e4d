package dev.gatehouse.app;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.gatehouse.adapter.vertx.web.HttpSettings;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.RequestOptions;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each malformed request of the attack report (issue 12), over a raw socket or a real client: a
 * 4xx with the security headers, promptly, and nothing at ERROR in the server's log.
 */
@ExtendWith(VertxExtension.class)
class MalformedRequestTest {

    private static final int PROMPTLY_MS = 5000;

    @TempDir
    Path dataDir;

    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
    private TestServer server;

    @BeforeEach
    void start(Vertx vertx) {
        logged.start();
        root().addAppender(logged);
        server = new TestServer(vertx, dataDir);
    }

    @AfterEach
    void noErrorWasLogged() {
        root().detachAppender(logged);
        List<String> errors = logged.list.stream().filter(event -> event.getLevel().isGreaterOrEqual(Level.ERROR))
                .map(ILoggingEvent::getFormattedMessage).toList();
        assertEquals(List.of(), errors, "a client's mistake is never an ERROR of the server's");
    }

    private static Logger root() {
        return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    }

    private RawHttp.Answer send(String request) throws IOException {
        return RawHttp.send(server.port(), request, PROMPTLY_MS);
    }

    private static void assertRefused(int status, RawHttp.Answer answer) {
        assertFalse(answer.silent() && answer.isEmpty(), "no answer at all");
        assertEquals(status, answer.status(), answer.text());
        assertTrue(answer.hasSecurityHeaders(), answer.head());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/%", "/%zz", "/login%", "/api/session%g0", "/%c0%af", "/a%00b", "/home%0d%0aSet-Cookie:%20x=y"})
    void givenABrokenEscapeInThePath_thenA400WithTheHeaders(String path) throws IOException {
        assertRefused(400, send("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"x%41", "%41", "x%zz", "a b", "example.com:65536", "[::1"})
    void givenAHostThatIsNoHostName_thenA400PromptlyNotAHang(String host) throws IOException {
        assertRefused(400, send("GET / HTTP/1.1\r\nHost: " + host + "\r\n\r\n"));
    }

    @Test
    void givenNoHostOrTwo_thenA400WithTheHeaders() throws IOException {
        assertRefused(400, send("GET / HTTP/1.1\r\n\r\n"));
        assertRefused(400, send("GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"OPTIONS *", "TRACE *", "GET login", "GET HTTP/1.1"})
    void givenATargetThatIsNoPath_thenA400WithTheHeaders(String line) throws IOException {
        assertRefused(400, send(line + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"HTTP/0.9", "HTTP/2.0", "HTTQ/1.1", "http/1.1"})
    void givenAnUnknownHttpVersion_thenA400NotVertxsBare501(String version) throws IOException {
        assertRefused(400, send("GET / " + version + "\r\nHost: 127.0.0.1\r\n\r\n"));
    }

    @Test
    void givenABadChunkSize_thenA400AndAWarnAtMost() throws IOException {
        RawHttp.Answer answer = send("POST /login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                + "Transfer-Encoding: chunked\r\n\r\nzz\r\nabc\r\n0\r\n\r\n");
        assertRefused(400, answer);
    }

    @Test
    void givenAClientThatHangsUpMidBody_thenNothingIsLoggedAsAnError() throws IOException {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.getOutputStream().write(("POST /login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                    + "Content-Length: 100\r\n\r\nusername=al").getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
        }
        // The one event loop handles the hang-up before it reads the next connection's request.
        assertEquals(200, send("GET /login HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n").status());
    }

    @Test
    void givenHeadOnAPage_thenItsStatusAndHeadersWithoutABody() throws IOException {
        RawHttp.Answer answer = send("HEAD / HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
        assertEquals(200, answer.status(), answer.text());
        assertTrue(answer.hasSecurityHeaders());
        assertTrue(answer.text().endsWith("\r\n\r\n"), "no body after the head: " + answer.text());
        assertEquals(200, send("HEAD /login HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n").status());
        assertEquals(200, send("HEAD /static/gatehouse.css HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n").status());
    }

    @Test
    void givenAMethodAPathDoesNotTake_thenA405NamingTheMethodsItDoes() throws IOException {
        RawHttp.Answer login = send("PUT /login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 0\r\n\r\n");
        assertRefused(405, login);
        assertTrue(login.head().contains("\r\nallow: get, head, post\r\n"), login.head());
        RawHttp.Answer api = send("PATCH /api/session HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 0\r\n\r\n");
        assertEquals(405, api.status());
        assertTrue(api.head().contains("\r\nallow: delete, get, head, post\r\n"), api.head());
    }

    @Test
    void givenAnExpectationTheServerDoesNotMeet_thenA417NotA500() throws IOException {
        assertRefused(417, send("POST /login HTTP/1.1\r\nHost: 127.0.0.1\r\nExpect: nonsense\r\n"
                + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 3\r\n\r\na=b"));
    }

    @Test
    void givenTheHealthEndpoints_thenTheyCarryTheHeadersToo() throws IOException {
        assertTrue(send("GET /health/live HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n").hasSecurityHeaders());
        assertTrue(send("GET /health/ready HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n").hasSecurityHeaders());
    }

    @ParameterizedTest
    @ValueSource(strings = {"alic\u00c1\u00a5", "a\u00c0\u00af", "\u00ff", "ali\u00e9"})
    void givenTheJsonApiInvalidUtf8_thenA400AndNoLoginAttempt(String username) throws IOException {
        ListAppender<ILoggingEvent> audit = new ListAppender<>();
        audit.start();
        Logger auditLog = (Logger) LoggerFactory.getLogger("gatehouse.audit");
        auditLog.addAppender(audit);
        try {
            String body = "{\"username\":\"" + username + "\",\"password\":\"" + server.adminPassword + "\"}";
            RawHttp.Answer answer = send("POST /api/session HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + body.length() + "\r\n\r\n" + body);
            assertEquals(400, answer.status(), answer.text());
            assertFalse(answer.hasHeader("set-cookie"));
            assertEquals(List.of(), audit.list.stream().map(ILoggingEvent::getFormattedMessage).toList(), "no attempt was made");
        } finally {
            auditLog.detachAppender(audit);
        }
    }

    @Test
    void givenH2cByDefault_thenHttp2WithoutTlsIsNotSpoken() throws IOException {
        // HTTP/2's connection preface, as a client with prior knowledge sends it: answered as the HTTP/1.1 it is not.
        RawHttp.Answer preface = send("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n");
        assertTrue(preface.status() >= 400 && preface.status() < 500, preface.text());
        assertTrue(preface.hasSecurityHeaders());
        RawHttp.Answer upgrade = send("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: Upgrade, HTTP2-Settings\r\nUpgrade: h2c\r\n"
                + "HTTP2-Settings: AAMAAABkAAQAAP__\r\n\r\n");
        assertEquals(200, upgrade.status(), "an Upgrade to h2c is ignored, not taken: " + upgrade.text());
    }

    @Test
    void givenH2cAskedFor_thenHttp2HasHttp11sLimitsAndHeaders(Vertx vertx, @TempDir Path otherDir) {
        TestServer h2c = new TestServer(vertx, otherDir, HttpSettings.defaults("127.0.0.1", 0).withH2c(true));
        HttpClient client = vertx.createHttpClient(new HttpClientOptions().setProtocolVersion(HttpVersion.HTTP_2).setHttp2ClearTextUpgrade(false));
        HttpClientResponse page = client.request(new RequestOptions().setPort(h2c.port()).setHost("127.0.0.1").setURI("/login"))
                .compose(request -> request.send()).await();
        assertEquals(HttpVersion.HTTP_2, page.version());
        assertEquals(200, page.statusCode());
        assertTrue(page.headers().contains("content-security-policy"));
        HttpClientResponse tooLong = client.request(new RequestOptions().setPort(h2c.port()).setHost("127.0.0.1").setURI("/?" + "a".repeat(7900)))
                .compose(request -> request.send()).await();
        assertEquals(414, tooLong.statusCode(), "the URL limit holds on HTTP/2 as on HTTP/1.1");
        assertTrue(tooLong.headers().contains("content-security-policy"));
    }
}
