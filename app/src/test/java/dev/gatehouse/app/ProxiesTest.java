package dev.gatehouse.app;

import dev.gatehouse.adapter.vertx.web.HttpSettings;
import dev.gatehouse.adapter.vertx.web.Portal;
import dev.gatehouse.app.config.AccessRulesFile;
import dev.gatehouse.domain.CookieDomain;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Gatehouse in front of an application it did not write, behind the real reverse proxies of
 * Debian's packages (nginx with auth_request, Caddy with forward_auth), each configured with the
 * very files the README shows ({@code docs/proxies}). The application echoes the headers it gets.
 * The hosts are {@code *.example.localhost}, which resolve to this machine and which browsers
 * treat as secure, so plain HTTP stands in for HTTPS.
 */
@ExtendWith(VertxExtension.class)
class ProxiesTest {

    private static final Path DOCS = Path.of("..", "docs", "proxies").toAbsolutePath().normalize();
    private static final String PASSWORD = "correct horse battery staple";

    @TempDir
    Path dataDir;
    @TempDir
    Path proxyDir;

    private Process proxy;
    private Vertx vertx;
    private int port;
    private TestServer gatehouse;

    @AfterEach
    void stopProxy() throws InterruptedException {
        if (proxy != null) {
            proxy.destroy();
            proxy.waitFor(10, TimeUnit.SECONDS);
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private String app(String path) {
        return "http://app.example.localhost:" + port + path;
    }

    /** Gatehouse, the application and the proxy, all on this machine; bob is in staff. */
    private void start(Vertx vertx, String which) throws Exception {
        this.vertx = vertx;
        port = freePort();
        Path rules = proxyDir.resolve("rules.yaml");
        Files.writeString(rules, ForwardAuthTest.RULES.replace("app.example.com", "app.example.localhost"));
        HttpSettings http = new HttpSettings("127.0.0.1", 0, HttpSettings.DEFAULT_FORM_BODY_LIMIT, HttpSettings.DEFAULT_MAX_URL_LENGTH,
                HttpSettings.DEFAULT_MAX_HEADER_SIZE, HttpSettings.DEFAULT_MAX_FORM_FIELDS, HttpSettings.DEFAULT_IDLE_TIMEOUT, false,
                Set.of("127.0.0.1")).withPortals(List.of(new Portal(new CookieDomain("example.localhost"), "http://auth.example.localhost:" + port)));
        gatehouse = new TestServer(vertx, dataDir, http, AccessRulesFile.read(rules));
        CommandRunner.run(PASSWORD + "\n", "users", "add", "bob", "--group", "staff", "--password-stdin", "--data-dir", dataDir.toString());
        HttpServer echo = vertx.createHttpServer().requestHandler(request -> {
            JsonObject headers = new JsonObject();
            request.headers().forEach(header -> headers.put(header.getKey().toLowerCase(java.util.Locale.ROOT), header.getValue()));
            request.response().putHeader("Content-Type", "application/json").end(headers.encode());
        }).listen(0, "127.0.0.1").await();
        String config = which.equals("nginx") ? nginxConfig(gatehouse.port(), echo.actualPort()) : caddyConfig(gatehouse.port(), echo.actualPort());
        Path file = proxyDir.resolve(which.equals("nginx") ? "nginx.conf" : "Caddyfile");
        Files.writeString(file, config);
        ProcessBuilder builder = which.equals("nginx")
                ? new ProcessBuilder("nginx", "-p", proxyDir.toString(), "-c", file.toString(), "-g", "daemon off;")
                : new ProcessBuilder("caddy", "run", "--config", file.toString(), "--adapter", "caddyfile");
        builder.environment().put("HOME", proxyDir.toString());
        builder.environment().put("XDG_DATA_HOME", proxyDir.toString());
        builder.environment().put("XDG_CONFIG_HOME", proxyDir.toString());
        proxy = builder.redirectErrorStream(true).redirectOutput(proxyDir.resolve(which + ".log").toFile()).start();
        waitUntilListening(which);
    }

    private String nginxConfig(int gatehousePort, int upstreamPort) {
        return """
                user root;
                worker_processes 1;
                pid DIR/nginx.pid;
                error_log DIR/error.log warn;
                events { worker_connections 64; }
                http {
                    access_log off;
                    client_body_temp_path DIR/body; proxy_temp_path DIR/proxy; fastcgi_temp_path DIR/fastcgi;
                    uwsgi_temp_path DIR/uwsgi; scgi_temp_path DIR/scgi;
                    include DOCS/nginx-http.conf;
                    upstream gatehouse { server 127.0.0.1:GATEHOUSE; }
                    server {
                        listen 127.0.0.1:PORT;
                        server_name auth.example.localhost;
                        location / {
                            proxy_pass http://gatehouse;
                            proxy_set_header Host $http_host;
                            proxy_set_header X-Forwarded-For $remote_addr;
                            proxy_set_header X-Forwarded-Proto $scheme;
                        }
                    }
                    server {
                        listen 127.0.0.1:PORT;
                        server_name app.example.localhost;
                        include DOCS/nginx-auth-location.conf;
                        location / {
                            include DOCS/nginx-protect.conf;
                            proxy_pass http://127.0.0.1:UPSTREAM;
                        }
                    }
                }
                """.replace("DIR", proxyDir.toString()).replace("DOCS", DOCS.toString()).replace("GATEHOUSE", "" + gatehousePort)
                .replace("UPSTREAM", "" + upstreamPort).replace("PORT", "" + port);
    }

    private String caddyConfig(int gatehousePort, int upstreamPort) {
        return """
                {
                    admin off
                    auto_https off
                    storage file_system DIR/caddy
                }
                http://auth.example.localhost:PORT {
                    bind 127.0.0.1
                    reverse_proxy 127.0.0.1:GATEHOUSE
                }
                http://app.example.localhost:PORT {
                    bind 127.0.0.1
                    import DOCS/caddy-protect.caddy 127.0.0.1:GATEHOUSE
                    reverse_proxy 127.0.0.1:UPSTREAM {
                        header_up Cookie "(^|;\\s*)__Secure-gh_session=[^;]*;?" "$1"
                    }
                }
                """.replace("DIR", proxyDir.toString()).replace("DOCS", DOCS.toString()).replace("GATEHOUSE", "" + gatehousePort)
                .replace("UPSTREAM", "" + upstreamPort).replace("PORT", "" + port);
    }

    /** Waits for the proxy's port to take connections (an event; the bound only stops a hung test). */
    private void waitUntilListening(String which) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                assertTrue(proxy.isAlive(), which + " stopped: " + Files.readString(proxyDir.resolve(which + ".log")));
                assertTrue(System.nanoTime() < deadline, which + " never listened: " + Files.readString(proxyDir.resolve(which + ".log")));
                Thread.sleep(20);
            }
        }
    }

    /** A browser that talks to the proxy, naming the host it wants. */
    private Browser browserAt(String host) {
        Browser browser = new Browser(vertx, port);
        browser.virtualHost = host;
        return browser;
    }

    private HttpResponse<Buffer> visit(Browser browser, String path, String accept) {
        browser.virtualHost = "app.example.localhost";
        HttpRequest<Buffer> request = browser.request(HttpMethod.GET, path).putHeader("Accept", accept)
                .putHeader("Remote-User", "mallory").putHeader("Remote-Groups", "admins");
        return browser.send(request, null, null);
    }

    @ParameterizedTest
    @ValueSource(strings = {"nginx", "caddy"})
    void givenAProxyInFront_thenStrangersLogInAtThePortalComeBackAndTheApplicationSeesOnlyGatehousesHeaders(String which, Vertx vertx)
            throws Exception {
        Assumptions.assumeTrue(onPath(which) || "required".equals(System.getenv("LOCAL_SERVICES")),
                "needs Debian's " + which + " (apt-get install " + (which.equals("nginx") ? "nginx-light" : "caddy") + ")");
        start(vertx, which);
        Browser browser = browserAt("app.example.localhost");

        HttpResponse<Buffer> stranger = visit(browser, "/reports?q=1", "text/html");
        assertEquals(302, stranger.statusCode(), stranger.bodyAsString() + proxyLog(which));
        String login = stranger.getHeader("Location");
        assertEquals("http://auth.example.localhost:" + port + "/login?next=" + java.net.URLEncoder.encode(app("/reports?q=1"),
                java.nio.charset.StandardCharsets.UTF_8), login);

        browser.virtualHost = "auth.example.localhost";
        String csrf = Browser.csrfOf(browser.get(login.substring(login.indexOf("/login"))));
        HttpResponse<Buffer> loggedIn = browser.post("/login", Map.of("username", "bob", "password", PASSWORD, "csrf", csrf,
                "next", app("/reports?q=1")));
        assertEquals(303, loggedIn.statusCode(), loggedIn.bodyAsString());
        assertEquals(app("/reports?q=1"), loggedIn.getHeader("Location"), "back where the visit began");

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

        Browser script = browserAt("app.example.localhost");
        assertEquals(401, visit(script, "/api/items", "application/json").statusCode(), "a script is not redirected");

        browser.virtualHost = "auth.example.localhost";
        assertEquals(303, browser.post("/logout", Map.of("csrf", Browser.csrfOf(browser.get("/")))).statusCode());
        assertEquals(302, visit(browser, "/reports?q=1", "text/html").statusCode(), "logged out at the portal: out everywhere");
    }

    @ParameterizedTest
    @ValueSource(strings = {"nginx"})
    void givenAnAddressThatIsNoTrustedProxy_thenGatehouseRefusesToAnswerIt(String which, Vertx vertx) throws Exception {
        Assumptions.assumeTrue(onPath(which) || "required".equals(System.getenv("LOCAL_SERVICES")), "needs Debian's nginx");
        start(vertx, which);
        // Straight to Gatehouse from 127.0.0.2: on this machine, but not the proxy Gatehouse trusts.
        WebClient elsewhere = WebClient.create(vertx, new WebClientOptions().setLocalAddress("127.0.0.2"));
        HttpResponse<Buffer> answer = elsewhere.get(gatehouse.port(), "127.0.0.1", "/auth/request")
                .putHeader("X-Original-URL", app("/")).send().await();
        assertEquals(403, answer.statusCode());
        assertNull(answer.getHeader("Remote-User"));
    }

    /** What the proxy said, for a failure's message. */
    private String proxyLog(String which) throws IOException {
        Path log = proxyDir.resolve(which.equals("nginx") ? "error.log" : "caddy.log");
        return Files.exists(log) ? "\n--- " + which + ":\n" + Files.readString(log) : "";
    }

    private static boolean onPath(String program) {
        for (String directory : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (Files.isExecutable(Path.of(directory, program))) {
                return true;
            }
        }
        return Files.isExecutable(Path.of("/usr/sbin", program));
    }
}
