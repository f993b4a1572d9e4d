package dev.gatehouse.domain.access;

import java.net.InetAddress;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * What a request through a protecting proxy asks for: its method, the host (lower case, no port)
 * and the path with its query, and the address of the client, when the proxy said it. The web
 * adapter reads them from the proxy's headers; rules decide on them.
 */
public record Resource(String method, String host, String pathAndQuery, Optional<InetAddress> client) {

    public Resource {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(pathAndQuery, "pathAndQuery");
        Objects.requireNonNull(client, "client");
        method = method.toUpperCase(Locale.ROOT);
        host = host.toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return method + " " + host + pathAndQuery;
    }
}
