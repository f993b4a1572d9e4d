package dev.gatehouse.adapter.vertx.web;

import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.net.impl.VertxConnection;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The first look at every request the server receives, before vertx-web's router: a request
 * target or Host header that the router would answer with a 500, a hang or a bare 404 gets a
 * plain 400 page with the security headers here, and the URL limit holds for HTTP/2 as for
 * HTTP/1.1 (where the decoder enforces it). What passes is handed to the router unchanged.
 */
final class RequestGate implements Handler<HttpServerRequest> {

    /**
     * A DNS name or IPv4 address, or an IPv6 address in brackets, with an optional port. Stricter
     * than RFC 3986 (no percent escapes, no sub-delimiters): no browser sends more, and what the
     * router's own parser chokes on never reaches it.
     */
    private static final Pattern HOST = Pattern.compile("(?:[A-Za-z0-9._-]{1,253}|\\[[0-9A-Fa-f:.]{2,45}])(?::([0-9]{1,5}))?");

    private final Handler<HttpServerRequest> router;
    private final int maxUrlLength;
    private final SecurityHeaders headers;
    private final Views views;

    RequestGate(Handler<HttpServerRequest> router, int maxUrlLength, SecurityHeaders headers, Views views) {
        this.router = router;
        this.maxUrlLength = maxUrlLength;
        this.headers = headers;
        this.views = views;
    }

    @Override
    public void handle(HttpServerRequest request) {
        if (request.uri().length() > maxUrlLength) {
            refuse(request, 414, "Address too long", "The address is longer than this server accepts.");
            return;
        }
        String problem = problem(request);
        if (problem != null) {
            refuse(request, 400, "Bad request", problem);
            return;
        }
        router.handle(request);
    }

    /** What is wrong with the request's target or Host, in words for the visitor; null when nothing is. */
    private static String problem(HttpServerRequest request) {
        String path = request.path();
        if (path == null || path.isEmpty() || path.charAt(0) != '/') {
            return "The request must name a path that starts with '/'.";
        }
        if (!isPlain(path)) {
            try {
                FormBody.decode(path, false);
            } catch (FormBody.Malformed malformed) {
                return malformed.getMessage();
            }
        }
        List<String> hosts = request.headers().getAll(HttpHeaders.HOST);
        if (hosts.size() > 1) {
            return "The request names more than one Host.";
        }
        if (hosts.isEmpty()) {
            // HTTP/1.0 may leave the Host out; HTTP/2 names it in its :authority, which Vert.x has already read.
            return request.version() == HttpVersion.HTTP_1_1 ? "The request has no Host header." : null;
        }
        return isHostName(hosts.get(0)) ? null : "The request's Host header is not a host name.";
    }

    /** Printable ASCII without a percent sign: nothing to decode, the common case, checked without a copy. */
    private static boolean isPlain(String path) {
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c <= 0x20 || c >= 0x7f || c == '%') {
                return false;
            }
        }
        return true;
    }

    /** A name or IPv4 address with an optional port, checked by hand (the common case, on every request); anything else by {@link #HOST}. */
    private static boolean isHostName(String host) {
        int colon = -1;
        for (int i = 0; i < host.length(); i++) {
            char c = host.charAt(i);
            if (c == ':') {
                colon = i;
                break;
            }
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.' || c == '-' || c == '_')) {
                return isOtherHost(host);
            }
        }
        if (colon == 0 || host.isEmpty() || host.length() > 253 + 6) {
            return false;
        }
        return colon < 0 || isPort(host, colon + 1);
    }

    private static boolean isPort(String host, int from) {
        int digits = host.length() - from;
        if (digits < 1 || digits > 5) {
            return false;
        }
        int port = 0;
        for (int i = from; i < host.length(); i++) {
            char c = host.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
            port = port * 10 + (c - '0');
        }
        return port <= 65535;
    }

    private static boolean isOtherHost(String host) {
        Matcher matched = HOST.matcher(host);
        return matched.matches() && (matched.group(1) == null || Integer.parseInt(matched.group(1)) <= 65535);
    }

    /**
     * For a request the HTTP decoder could not read (a malformed request line or header, or one
     * too long): the status Vert.x would give it, as our page with our headers, and the
     * connection closed, since nothing after it can be trusted to be framed right.
     */
    void refuseUndecodable(HttpServerRequest request) {
        flushBeforeClose(request.connection());
        Throwable cause = request.decoderResult().cause();
        if (cause instanceof TooLongHttpLineException) {
            refuse(request, 414, "Address too long", "The address is longer than this server accepts.");
        } else if (cause instanceof TooLongHttpHeaderException) {
            refuse(request, 431, "Headers too large", "The request's headers are larger than this server accepts.");
        } else {
            refuse(request, 400, "Bad request", "The request could not be understood.");
        }
        request.connection().close();
    }

    /**
     * Vert.x closes a connection whose bytes broke the HTTP decoder as soon as the failure is
     * handled, dropping answers written but not yet flushed (it flushes once per read); flushing
     * here lets the client read the 4xx it was given. {@code flush} is not public API, hence the check.
     */
    static void flushBeforeClose(HttpConnection connection) {
        if (connection instanceof VertxConnection open) {
            open.flush();
        }
    }

    private void refuse(HttpServerRequest request, int status, String title, String message) {
        headers.addTo(request);
        if (request.version() != HttpVersion.HTTP_2) {
            // The rest of a refused request is not worth reading: the connection closes after the answer.
            request.response().putHeader("Connection", "close");
        }
        Responses.page(request.response(), status, views.message(new MessagePage(title, message, "/", "Go to the start page")));
    }
}
