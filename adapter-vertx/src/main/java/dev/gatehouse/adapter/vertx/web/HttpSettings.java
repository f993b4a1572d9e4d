package dev.gatehouse.adapter.vertx.web;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Where the server listens and the limits it holds every request to (S18b). Port 0 picks a free port.
 *
 * @param formBodyLimit   the largest body {@code POST /login} and {@code POST /logout} accept (413 above)
 * @param maxUrlLength    the longest request line (414 above)
 * @param maxHeaderSize   the most header bytes (431 above)
 * @param maxFormFields   the most fields a form or query may have (400 above)
 * @param idleTimeout     how long a connection may send nothing before it is closed, so slow clients cannot hold the server
 * @param accessLog       whether every request is logged, one JSON line each
 * @param trustedProxies  addresses whose X-Forwarded-For and X-Forwarded-Proto are believed (see {@link ClientAddress}); they terminate TLS
 * @param tls             the certificate and key to serve HTTPS with, or empty for plain HTTP
 * @param h2c             whether HTTP/2 is also spoken without TLS (prior knowledge or Upgrade: h2c), for a proxy that
 *                        speaks it; off unless asked for, and held to the same limits as HTTP/1.1
 * @param brand           the product's name, accent colour and logo on the pages
 * @param portals         where people log in for the sites of each cookie domain (forward-auth); none without cookie domains
 */
public record HttpSettings(String host, int port, int formBodyLimit, int maxUrlLength, int maxHeaderSize, int maxFormFields,
                           Duration idleTimeout, boolean accessLog, Set<String> trustedProxies, Optional<TlsFiles> tls, boolean h2c, Brand brand,
                           List<Portal> portals) {

    public static final int DEFAULT_FORM_BODY_LIMIT = 4096;
    public static final int DEFAULT_MAX_URL_LENGTH = 4096;
    public static final int DEFAULT_MAX_HEADER_SIZE = 8192;
    public static final int DEFAULT_MAX_FORM_FIELDS = 8;
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(30);

    public HttpSettings {
        trustedProxies = Set.copyOf(trustedProxies);
        portals = List.copyOf(portals);
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("the port must be 0 to 65535");
        }
        // A login form needs a few hundred bytes and 4 fields; below that no login could get through.
        if (formBodyLimit < 512 || maxUrlLength < 256 || maxHeaderSize < 1024 || maxFormFields < 4
                || idleTimeout.isNegative() || idleTimeout.isZero()) {
            throw new IllegalArgumentException("limits too small for a login to get through");
        }
    }

    /** Plain HTTP. */
    public HttpSettings(String host, int port, int formBodyLimit, int maxUrlLength, int maxHeaderSize, int maxFormFields,
                        Duration idleTimeout, boolean accessLog, Set<String> trustedProxies) {
        this(host, port, formBodyLimit, maxUrlLength, maxHeaderSize, maxFormFields, idleTimeout, accessLog, trustedProxies, Optional.empty(),
                false, Brand.DEFAULT, List.of());
    }

    /** The same settings, served over HTTPS with these files. */
    public HttpSettings withTls(TlsFiles files) {
        return new HttpSettings(host, port, formBodyLimit, maxUrlLength, maxHeaderSize, maxFormFields, idleTimeout, accessLog, trustedProxies,
                Optional.of(files), h2c, brand, portals);
    }

    /** The same settings, with HTTP/2 without TLS on or off. */
    public HttpSettings withH2c(boolean on) {
        return new HttpSettings(host, port, formBodyLimit, maxUrlLength, maxHeaderSize, maxFormFields, idleTimeout, accessLog, trustedProxies,
                tls, on, brand, portals);
    }

    /** The same settings, with the pages branded so. */
    public HttpSettings withBrand(Brand other) {
        return new HttpSettings(host, port, formBodyLimit, maxUrlLength, maxHeaderSize, maxFormFields, idleTimeout, accessLog, trustedProxies,
                tls, h2c, other, portals);
    }

    /** The same settings, with login portals for these cookie domains. */
    public HttpSettings withPortals(List<Portal> chosen) {
        return new HttpSettings(host, port, formBodyLimit, maxUrlLength, maxHeaderSize, maxFormFields, idleTimeout, accessLog, trustedProxies,
                tls, h2c, brand, chosen);
    }

    public static HttpSettings defaults(String host, int port) {
        return new HttpSettings(host, port, DEFAULT_FORM_BODY_LIMIT, DEFAULT_MAX_URL_LENGTH, DEFAULT_MAX_HEADER_SIZE,
                DEFAULT_MAX_FORM_FIELDS, DEFAULT_IDLE_TIMEOUT, false, Set.of());
    }
}
