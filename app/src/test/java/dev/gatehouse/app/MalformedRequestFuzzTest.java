package dev.gatehouse.app;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A hostile client over raw sockets (issue 12): a few thousand malformed requests, made from a
 * fixed seed so a failure can be replayed, each one complete as far as its framing goes. Every
 * one must be answered within a short limit, never with a 5xx, always with the security headers,
 * and the server must log nothing at ERROR: a client's mistake is not Gatehouse's.
 */
@ExtendWith(VertxExtension.class)
class MalformedRequestFuzzTest {

    private static final long SEED = 20261130L;
    private static final int REQUESTS = 3000;
    /** A complete request is answered well within this; a connection still silent after it is a hang. */
    private static final int ANSWER_WITHIN_MS = 5000;

    private static final String[] METHODS = {"GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS", "TRACE", "PATCH", "CONNECT", "get", "G\u0000T",
        "BREW", "GET /", "POST\t"};
    private static final String[] PATHS = {"/", "/login", "/logout", "/home", "/password", "/sessions", "/sessions/end", "/api/session",
        "/api/sessions", "/api/openapi.yaml", "/static/gatehouse.css", "/health/live", "/health/ready", "/home/preferences", "/nope"};
    private static final String[] PATH_DAMAGE = {"%", "%zz", "%g0", "%c0%af", "%00", "%0d%0a", "%ff%fe", "/..", "/./", "//", "\\", "%2e%2e/",
        "?next=//evil.example", "?next=/%2e%2e//evil.example", "?a=%", "?a=%c1%a5", "#frag", "\u00e9", ";jsessionid=1", "*", ""};
    private static final String[] TARGETS = {"*", "login", "http://x/login", "http://x:99999/", "//login", "", "/%", "x%41"};
    private static final String[] VERSIONS = {"HTTP/1.1", "HTTP/1.1", "HTTP/1.1", "HTTP/1.0", "HTTP/2.0", "HTTP/0.9", "HTTP/1.1x", "HTTQ/1.1",
        "http/1.1", ""};
    private static final String[] HOSTS = {"127.0.0.1", "localhost:8080", "x%41", "%41", "x%zz", "%", "[::1]", "[::1", "a b", "x:y:z",
        "\u00e9xample", "example.com:65536", "", "x".repeat(300), "[v1.x]", "@evil", "x/y"};
    private static final String[] HEADERS = {"Cookie: __Host-gh_session=" + "A".repeat(87), "Cookie: __Host-gh_session=x; __Host-gh_session=y",
        "Cookie: __HOST-gh_session=x", "Cookie: =;;==;", "Cookie: __Host-gh_remember=" + "%".repeat(40), "Origin: https://evil.example",
        "Sec-Fetch-Site: cross-site", "X-CSRF-Token: %00", "X-Forwarded-For: 1.2.3.4, garbage", "Accept: */*;q=x", "Content-Type: ;;;",
        "Content-Type: application/json; charset=latin1", "Expect: 100-continue", "Expect: nonsense", "Range: bytes=9-1",
        "If-None-Match: *", "Upgrade: h2c", "Connection: Upgrade, HTTP2-Settings", "HTTP2-Settings: AAMAAABkAAQAAP__", "Upgrade: websocket",
        "Bad Header: x", "NoColon", " folded: continuation", "X-Long: " + "y".repeat(3000), "Content-Encoding: gzip",
        "Transfer-Encoding: gzip, chunked"};
    private static final String[] FORM_BODIES = {"username=admin&password=x&csrf=y", "username=%&password=%zz", "username=a%c0%afb&password=x&csrf=y",
        "a=1&a=2", "=&=&=", "%00=%00", "username=" + "%41".repeat(500), "\u00ff\u00fe", "a&b&c&d&e&f&g&h&i&j", "+++"};
    private static final String[] JSON_BODIES = {"{\"username\":\"alic\u00c1\u00a5\",\"password\":\"x\"}", "{\"username\":\"a\u00c0\u00af\",\"password\":\"x\"}",
        "{", "[]", "null", "{\"username\":1,\"password\":[]}", "{\"username\":\"a\",\"password\":\"b\",\"remember\":\"yes\"}", "\u00ef\u00bb\u00bf{}",
        "{\"username\":\"\\u0000\",\"password\":\"\\ud800\"}", "{\"a\":" + "[".repeat(2000) + "]".repeat(2000) + "}"};

    @TempDir
    Path dataDir;

    @Test
    void givenThousandsOfMalformedRequests_thenEachGetsAPromptAnswerWithHeadersAndNoServerError(Vertx vertx) throws Exception {
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        logged.start();
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.addAppender(logged);
        try {
            TestServer server = new TestServer(vertx, dataDir);
            Random random = new Random(SEED);
            List<String> problems = new ArrayList<>();
            for (int i = 0; i < REQUESTS && problems.size() < 10; i++) {
                byte[] request = request(random);
                String problem = problem(RawHttp.send(server.port(), request, ANSWER_WITHIN_MS));
                if (problem != null) {
                    problems.add(problem + " for request " + i + ": " + RawHttp.printable(request));
                }
            }
            assertEquals(List.of(), problems);
            List<String> errors = logged.list.stream().filter(event -> event.getLevel().isGreaterOrEqual(Level.ERROR))
                    .map(event -> event.getLoggerName() + ": " + event.getFormattedMessage()).toList();
            assertEquals(List.of(), errors, "a client's malformed request is never an ERROR of the server's");
        } finally {
            root.detachAppender(logged);
        }
    }

    /** What is wrong with an answer, or null when it is a prompt 1xx-4xx with the security headers. */
    private static String problem(RawHttp.Answer answer) {
        if (answer.isEmpty()) {
            return answer.silent() ? "no answer within " + ANSWER_WITHIN_MS + " ms" : "no answer, connection closed";
        }
        // Vert.x answers in the protocol and version the request named, whatever they were (HTTQ/1.1 included).
        if (answer.status() < 0) {
            return "not an HTTP answer: " + RawHttp.printable(answer.text().substring(0, Math.min(40, answer.text().length()))
                    .getBytes(StandardCharsets.ISO_8859_1));
        }
        if (answer.status() >= 500) {
            return "a server error, " + answer.status();
        }
        if (!answer.hasSecurityHeaders()) {
            return "no security headers on " + answer.status();
        }
        return null;
    }

    private static byte[] request(Random random) {
        StringBuilder text = new StringBuilder();
        String method = pick(random, METHODS);
        String target = random.nextInt(8) == 0 ? pick(random, TARGETS) : damaged(random, pick(random, PATHS));
        text.append(method).append(' ').append(target).append(' ').append(pick(random, VERSIONS)).append("\r\n");
        int hosts = random.nextInt(10) == 0 ? 0 : random.nextInt(12) == 0 ? 2 : 1;
        for (int h = 0; h < hosts; h++) {
            text.append("Host: ").append(random.nextInt(3) == 0 ? pick(random, HOSTS) : "127.0.0.1").append("\r\n");
        }
        for (int h = random.nextInt(3); h > 0; h--) {
            text.append(pick(random, HEADERS)).append("\r\n");
        }
        text.append("Connection: close\r\n");
        String body = switch (random.nextInt(4)) {
            case 0 -> null;
            case 1 -> pick(random, FORM_BODIES);
            case 2 -> pick(random, JSON_BODIES);
            default -> null;
        };
        if (body != null) {
            text.append("Content-Type: ").append(body.startsWith("{") || body.startsWith("[") ? "application/json" : "application/x-www-form-urlencoded")
                    .append("\r\n");
        }
        byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.ISO_8859_1);
        switch (random.nextInt(5)) {
            case 0 -> {
                // Chunked, with a bad chunk size now and then; always ended, so the request is complete either way.
                text.append("Transfer-Encoding: chunked\r\n\r\n");
                String size = random.nextBoolean() ? Integer.toHexString(bytes.length) : pick(random, new String[] {"zz", "-1", "1;", "ffffffffffff", " "});
                text.append(size).append("\r\n").append(new String(bytes, StandardCharsets.ISO_8859_1)).append("\r\n0\r\n\r\n");
            }
            case 1 -> text.append("Content-Length: ").append(pick(random, new String[] {"-1", "abc", "1, 2", "+5", ""})).append("\r\n\r\n");
            default -> text.append("Content-Length: ").append(bytes.length).append("\r\n\r\n").append(new String(bytes, StandardCharsets.ISO_8859_1));
        }
        return text.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    private static String damaged(Random random, String path) {
        if (random.nextInt(4) == 0) {
            return path;
        }
        StringBuilder damaged = new StringBuilder(path);
        for (int d = 1 + random.nextInt(2); d > 0; d--) {
            damaged.insert(random.nextInt(damaged.length() + 1), pick(random, PATH_DAMAGE));
        }
        return damaged.charAt(0) == '/' || random.nextBoolean() ? damaged.toString() : "/" + damaged;
    }

    private static String pick(Random random, String[] choices) {
        return choices[random.nextInt(choices.length)];
    }
}
