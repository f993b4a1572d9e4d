package dev.gatehouse.app;

import dev.gatehouse.adapter.vertx.web.HttpSettings;
import dev.gatehouse.adapter.vertx.web.Portal;
import dev.gatehouse.app.config.AccessRulesFile;
import dev.gatehouse.domain.CookieDomain;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A protected site as an operator would run it, all on this machine: Gatehouse (its portal at
 * {@code auth.example.localhost}), an application that echoes the headers it gets, and a real
 * reverse proxy in front of both (Debian's nginx or Caddy), configured with the very files the
 * README shows ({@code docs/proxies}). The hosts are {@code *.example.localhost}, which resolve to
 * this machine and which browsers treat as secure, so plain HTTP stands in for HTTPS. bob, in
 * staff, may log in.
 */
final class ProtectedSite implements AutoCloseable {

    static final Path DOCS = Path.of("..", "docs", "proxies").toAbsolutePath().normalize();
    static final String PASSWORD = "correct horse battery staple";

    private final Path proxyDir;
    private final Path pidFile;
    final int port;
    final TestServer gatehouse;

    ProtectedSite(Vertx vertx, String which, Path dataDir, Path proxyDir) throws Exception {
        this.proxyDir = proxyDir;
        this.port = freePort();
        Path rules = proxyDir.resolve("rules.yaml");
        Files.writeString(rules, ForwardAuthTest.RULES.replace("app.example.com", "app.example.localhost"));
        HttpSettings http = new HttpSettings("127.0.0.1", 0, HttpSettings.DEFAULT_FORM_BODY_LIMIT, HttpSettings.DEFAULT_MAX_URL_LENGTH,
                HttpSettings.DEFAULT_MAX_HEADER_SIZE, HttpSettings.DEFAULT_MAX_FORM_FIELDS, HttpSettings.DEFAULT_IDLE_TIMEOUT, false,
                Set.of("127.0.0.1")).withPortals(List.of(new Portal(new CookieDomain("example.localhost"), "http://auth.example.localhost:" + port)));
        gatehouse = new TestServer(vertx, dataDir, http, AccessRulesFile.read(rules));
        CommandRunner bob = CommandRunner.run(PASSWORD + "\n", "users", "add", "bob", "--group", "staff", "--password-stdin", "--data-dir",
                dataDir.toString());
        assertEquals(0, bob.exitCode, bob.toString());
        HttpServer echo = vertx.createHttpServer().requestHandler(request -> {
            JsonObject headers = new JsonObject();
            request.headers().forEach(header -> headers.put(header.getKey().toLowerCase(java.util.Locale.ROOT), header.getValue()));
            request.response().putHeader("Content-Type", "application/json").end(headers.encode());
        }).listen(0, "127.0.0.1").await();
        String config = which.equals("nginx") ? nginxConfig(gatehouse.port(), echo.actualPort()) : caddyConfig(gatehouse.port(), echo.actualPort());
        Path file = proxyDir.resolve(which.equals("nginx") ? "nginx.conf" : "Caddyfile");
        Files.writeString(file, config);
        // Both return once the proxy listens (nginx after binding, before it detaches; caddy start when the server runs):
        // waiting for them is waiting for that event.
        pidFile = proxyDir.resolve(which + ".pid");
        ProcessBuilder builder = which.equals("nginx")
                ? new ProcessBuilder("nginx", "-p", proxyDir.toString(), "-c", file.toString())
                : new ProcessBuilder("caddy", "start", "--config", file.toString(), "--adapter", "caddyfile", "--pidfile", pidFile.toString());
        builder.environment().put("HOME", proxyDir.toString());
        builder.environment().put("XDG_DATA_HOME", proxyDir.toString());
        builder.environment().put("XDG_CONFIG_HOME", proxyDir.toString());
        Process starting = builder.redirectErrorStream(true).redirectOutput(proxyDir.resolve(which + ".log").toFile()).start();
        assertTrue(starting.waitFor(30, TimeUnit.SECONDS) && starting.exitValue() == 0, which + " did not start: " + proxyLog(which));
    }

    String app(String path) {
        return "http://app.example.localhost:" + port + path;
    }

    String portal(String path) {
        return "http://auth.example.localhost:" + port + path;
    }

    /** Whether Debian's package of the proxy is installed; CI (LOCAL_SERVICES=required) insists. */
    static boolean installed(String which) {
        for (String directory : (System.getenv().getOrDefault("PATH", "") + ":/usr/sbin").split(":")) {
            if (Files.isExecutable(Path.of(directory, which))) {
                return true;
            }
        }
        return "required".equals(System.getenv("LOCAL_SERVICES"));
    }

    /** Stops the proxy: the process its pid file names, and so its workers. */
    @Override
    public void close() {
        try {
            long pid = Long.parseLong(Files.readString(pidFile).strip());
            ProcessHandle.of(pid).ifPresent(proxy -> {
                proxy.destroy();
                proxy.onExit().orTimeout(10, TimeUnit.SECONDS).exceptionally(late -> null).join();
            });
        } catch (IOException | NumberFormatException gone) {
            // Never started, or already gone: nothing to stop.
        }
    }

    /** What the proxy said, for a failure's message. */
    String proxyLog(String which) throws IOException {
        StringBuilder said = new StringBuilder();
        for (String name : List.of(which + ".log", "error.log")) {
            Path log = proxyDir.resolve(name);
            if (Files.exists(log)) {
                said.append("\n--- ").append(name).append(":\n").append(Files.readString(log));
            }
        }
        return said.toString();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
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


}
