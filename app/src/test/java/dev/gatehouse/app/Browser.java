package dev.gatehouse.app;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.core.Vertx;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.StringJoiner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real HTTP client that keeps the session cookie the way a browser would, and waits for each
 * answer (the test thread is not an event loop, so waiting is allowed). Redirects are not
 * followed, so tests see them.
 */
final class Browser {

    static final String COOKIE = "__Host-gh_session";
    static final String REMEMBER = "__Host-gh_remember";
    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

    private final WebClient client;
    private final int port;
    /** The session cookie's value as the browser holds it, or null. */
    String cookie;
    /** The "remember me" cookie's value as the browser holds it, or null. */
    String remember;
    /** Every other cookie the server set and has not cleared (the pre-login value, a flash message), by name. */
    final Map<String, String> others = new java.util.TreeMap<>();
    /** The User-Agent this browser says it is, or null for the client's own. */
    String userAgent;
    /** An X-Forwarded-For to send, as a proxy in front would; null for none. */
    String forwardedFor;
    /** The host name the requests say they are for (the Host header), such as a portal's; null for 127.0.0.1. */
    String virtualHost;

    private final String origin;

    Browser(Vertx vertx, int port) {
        this(vertx, port, new WebClientOptions());
    }

    /** With client options of the test's own, such as HTTPS and the certificate to trust. */
    Browser(Vertx vertx, int port, WebClientOptions options) {
        this.client = WebClient.create(vertx, options.setFollowRedirects(false));
        this.port = port;
        this.origin = (options.isSsl() ? "https" : "http") + "://127.0.0.1:" + port;
    }

    HttpResponse<Buffer> get(String path) {
        return send(client.request(HttpMethod.GET, port, "127.0.0.1", path), null, null);
    }

    /** Posts a form exactly as given (already encoded), with the headers a same-origin browser form sends. */
    HttpResponse<Buffer> postRaw(String path, String body, String contentType) {
        HttpRequest<Buffer> request = client.request(HttpMethod.POST, port, "127.0.0.1", path)
                .putHeader("Origin", origin)
                .putHeader("Sec-Fetch-Site", "same-origin");
        return send(request, body, contentType);
    }

    HttpResponse<Buffer> post(String path, Map<String, String> fields) {
        return postRaw(path, encode(fields), "application/x-www-form-urlencoded");
    }

    /** A GET without waiting, for requests sent in parallel; the browser's cookies are sent but not updated. */
    Future<HttpResponse<Buffer>> getAsync(String path) {
        HttpRequest<Buffer> request = client.request(HttpMethod.GET, port, "127.0.0.1", path);
        String cookies = cookieHeader();
        if (cookies != null) {
            request.putHeader("Cookie", cookies);
        }
        return request.send();
    }

    /** Posts a form without waiting, for requests sent in parallel; the browser's cookies are sent but not updated. */
    Future<HttpResponse<Buffer>> sendAsync(String path, Map<String, String> fields) {
        HttpRequest<Buffer> request = client.request(HttpMethod.POST, port, "127.0.0.1", path)
                .putHeader("Origin", origin)
                .putHeader("Sec-Fetch-Site", "same-origin")
                .putHeader("Content-Type", "application/x-www-form-urlencoded");
        String cookies = cookieHeader();
        if (cookies != null) {
            request.putHeader("Cookie", cookies);
        }
        return request.sendBuffer(Buffer.buffer(encode(fields)));
    }

    HttpResponse<Buffer> send(HttpRequest<Buffer> request, String body, String contentType) {
        if (virtualHost != null) {
            request.virtualHost(virtualHost);
        }
        if (userAgent != null) {
            request.putHeader("User-Agent", userAgent);
        }
        if (forwardedFor != null) {
            request.putHeader("X-Forwarded-For", forwardedFor);
        }
        String cookies = cookieHeader();
        if (cookies != null) {
            request.putHeader("Cookie", cookies);
        }
        if (contentType != null) {
            request.putHeader("Content-Type", contentType);
        }
        HttpResponse<Buffer> response = (body == null ? request.send() : request.sendBuffer(Buffer.buffer(body)))
                .await();
        for (String setCookie : response.headers().getAll("set-cookie")) {
            String name = setCookie.substring(0, setCookie.indexOf('='));
            if (name.equals(COOKIE)) {
                cookie = kept(setCookie, COOKIE);
            } else if (name.equals(REMEMBER)) {
                remember = kept(setCookie, REMEMBER);
            } else if (kept(setCookie, name) == null) {
                others.remove(name);
            } else {
                others.put(name, kept(setCookie, name));
            }
        }
        return response;
    }

    private static String kept(String setCookie, String name) {
        String value = setCookie.substring(name.length() + 1, setCookie.indexOf(';'));
        return value.isEmpty() || setCookie.contains("Max-Age=0") ? null : value;
    }

    private String cookieHeader() {
        StringJoiner cookies = new StringJoiner("; ");
        if (cookie != null) {
            cookies.add(COOKIE + "=" + cookie);
        }
        if (remember != null) {
            cookies.add(REMEMBER + "=" + remember);
        }
        others.forEach((name, value) -> cookies.add(name + "=" + value));
        return cookies.length() == 0 ? null : cookies.toString();
    }

    HttpRequest<Buffer> request(HttpMethod method, String path) {
        return client.request(method, port, "127.0.0.1", path);
    }

    /** Opens the login form and returns its CSRF token. */
    String openLoginForm() {
        return csrfOf(get("/login"));
    }

    HttpResponse<Buffer> logIn(String username, String password) {
        String csrf = openLoginForm();
        return post("/login", Map.of("username", username, "password", password, "csrf", csrf));
    }

    /** The Set-Cookie of the response for the named cookie. */
    static String setCookie(HttpResponse<Buffer> response, String name) {
        return response.headers().getAll("set-cookie").stream().filter(header -> header.startsWith(name + "=")).findFirst()
                .orElseThrow(() -> new AssertionError("no " + name + " cookie set: " + response.headers().getAll("set-cookie")));
    }

    static String csrfOf(HttpResponse<Buffer> page) {
        Matcher matcher = CSRF.matcher(page.bodyAsString());
        if (!matcher.find()) {
            throw new AssertionError("no CSRF token on the page:\n" + page.bodyAsString());
        }
        return matcher.group(1);
    }

    static String encode(Map<String, String> fields) {
        StringJoiner body = new StringJoiner("&");
        fields.forEach((name, value) -> body.add(URLEncoder.encode(name, StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return body.toString();
    }
}
