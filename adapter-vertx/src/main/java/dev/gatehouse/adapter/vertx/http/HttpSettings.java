package dev.gatehouse.adapter.vertx.http;

import java.time.Duration;

/**
 * Where the server listens and the limits it holds every request to. Port 0 picks a free port.
 *
 * @param formBodyLimit   the largest body {@code POST /login} and {@code POST /logout} accept (413 above)
 * @param maxUrlLength    the longest request line (414 above)
 * @param maxHeaderSize   the most header bytes (431 above)
 * @param idleTimeout     how long a connection may send nothing before it is closed
 */
public record HttpSettings(String host, int port, int formBodyLimit, int maxUrlLength, int maxHeaderSize, Duration idleTimeout) {

    public static HttpSettings defaults(String host, int port) {
        return new HttpSettings(host, port, 4096, 4096, 8192, Duration.ofSeconds(30));
    }
}
