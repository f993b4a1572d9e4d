package dev.gatehouse.app.config;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Where sessions are kept: {@code memory}, inside each process (the embedded default), or a Redis
 * URL ({@code redis://host:6379}, {@code rediss://} for TLS, {@code redis://user@host} for an ACL
 * user; {@code redis-sentinel://} for a Redis that Sentinels watch, {@code redis-cluster://} for a
 * Redis Cluster, {@code rediss-sentinel://} and {@code rediss-cluster://} over TLS) that every
 * server and terminal shares; and the password for it, read once at start from
 * {@code GATEHOUSE_REDIS_PASSWORD} or {@code --session-store-password-file}, never shown.
 */
public record SessionStoreLocation(Optional<String> redisUrl, Optional<String> password, Optional<Path> certificateAuthority) {

    public static final SessionStoreLocation MEMORY = new SessionStoreLocation(Optional.empty(), Optional.empty(), Optional.empty());

    public SessionStoreLocation(Optional<String> redisUrl) {
        this(redisUrl, Optional.empty(), Optional.empty());
    }

    /** The same store, with this password (from the environment or a file). */
    public SessionStoreLocation withPassword(String secret) {
        return new SessionStoreLocation(redisUrl, Optional.of(secret), certificateAuthority);
    }

    /** The same store, its TLS certificate checked against this CA's (PEM) rather than the system's ({@code --session-store-ca}). */
    public SessionStoreLocation withCertificateAuthority(Path pem) {
        return new SessionStoreLocation(redisUrl, password, Optional.of(pem));
    }

    /** A Redis watched by Sentinels, which say where its master is: {@code redis-sentinel://s1:26379,s2:26379/mymaster}. */
    public boolean sentinel() {
        return scheme().endsWith("-sentinel");
    }

    /** The Sentinels' addresses, as {@code redis://host:port} URLs, and the name of the master they watch. */
    public List<String> sentinels() {
        String hosts = redisUrl.orElseThrow().substring(scheme().length() + 3, redisUrl.orElseThrow().lastIndexOf('/'));
        return asUrls(hosts);
    }

    /** A Redis Cluster, whose masters share the sessions out: {@code redis-cluster://n1:7000,n2:7001,n3:7002}. */
    public boolean cluster() {
        return scheme().endsWith("-cluster");
    }

    /** The cluster's nodes given, as {@code redis://host:port} URLs ({@code rediss://} over TLS): the client learns the others from them. */
    public List<String> clusterNodes() {
        return asUrls(redisUrl.orElseThrow().substring(scheme().length() + 3));
    }

    /** Each host as a URL, without the ACL user written before the first ({@link #aclUser}). */
    private List<String> asUrls(String hosts) {
        String each = tls() ? "rediss://" : "redis://";
        return Arrays.stream(hosts.substring(hosts.indexOf('@') + 1).split(",")).map(host -> each + host.strip()).toList();
    }

    /**
     * For Sentinels or a cluster, the ACL user written before the first host
     * ({@code redis-cluster://gatehouse@n1:7000,n2:7001}), the same on every node; empty for the
     * default user. (A single Redis keeps its user in its own URL.)
     */
    public Optional<String> aclUser() {
        if (!sentinel() && !cluster()) {
            return Optional.empty();
        }
        String rest = redisUrl.orElseThrow().substring(scheme().length() + 3);
        int at = rest.indexOf('@');
        return at < 0 ? Optional.empty() : Optional.of(rest.substring(0, at));
    }

    /** The URL's scheme, in lower case: {@code redis}, {@code rediss}, {@code redis-sentinel}, {@code rediss-cluster}...; empty for memory. */
    private String scheme() {
        return redisUrl.map(url -> url.substring(0, Math.max(0, url.indexOf("://"))).toLowerCase(Locale.ROOT)).orElse("");
    }

    public String masterName() {
        return redisUrl.orElseThrow().substring(redisUrl.orElseThrow().lastIndexOf('/') + 1);
    }

    /** Whether the links to Redis are encrypted: a {@code rediss://}, {@code rediss-sentinel://} or {@code rediss-cluster://} URL. */
    public boolean tls() {
        return scheme().startsWith("rediss");
    }

    /** Whether the URL itself holds a password ({@code redis://user:password@host}), as a process list would show it. */
    public boolean passwordInUrl() {
        return redisUrl.map(url -> url.matches("(?i)rediss?://[^@/]*:[^@/]*@.*")).orElse(false);
    }

    /** Whether a password is given, in the URL or apart from it: what {@code gatehouse config} may say. */
    public boolean hasPassword() {
        return password.isPresent() || passwordInUrl();
    }

    public static SessionStoreLocation parse(String text) {
        String trimmed = text.strip();
        if (trimmed.equalsIgnoreCase("memory")) {
            return MEMORY;
        }
        String lower = trimmed.toLowerCase(Locale.ROOT);
        if (lower.startsWith("redis-sentinel://") || lower.startsWith("rediss-sentinel://")) {
            if (!trimmed.matches("(?i)rediss?-sentinel://([^/@,:]+@)?[^/@]+(,[^/@]+)*/[A-Za-z0-9._-]+")) {
                throw new IllegalArgumentException("a Sentinel store is redis-sentinel://[USER@]HOST:PORT,HOST:PORT,.../MASTER-NAME");
            }
            return new SessionStoreLocation(Optional.of(trimmed), Optional.empty(), Optional.empty());
        }
        if (lower.startsWith("redis-cluster://") || lower.startsWith("rediss-cluster://")) {
            if (!trimmed.matches("(?i)rediss?-cluster://([^/@,:]+@)?[^/@,]+(,[^/@,]+)*")) {
                throw new IllegalArgumentException("a cluster store is redis-cluster://[USER@]HOST:PORT,HOST:PORT,...");
            }
            return new SessionStoreLocation(Optional.of(trimmed), Optional.empty(), Optional.empty());
        }
        if (lower.startsWith("redis://") || lower.startsWith("rediss://")) {
            return new SessionStoreLocation(Optional.of(trimmed), Optional.empty(), Optional.empty());
        }
        throw new IllegalArgumentException("a session store is 'memory' or a redis:// URL");
    }

    /** What {@code gatehouse config} says of the store: where, TLS or not, a password or not; never the password. */
    public String describe() {
        if (redisUrl.isEmpty()) {
            return "memory, inside this process";
        }
        String mode = sentinel() ? "sentinel (master " + masterName() + ", " + sentinels().size() + " sentinels)"
                : cluster() ? "cluster (" + clusterNodes().size() + " nodes given)" : "standalone";
        return "redis, " + mode + ", TLS " + (tls() ? "on" + certificateAuthority.map(ca -> " (CA " + ca + ")").orElse("") : "off")
                + ", password " + (hasPassword() ? "set (masked)" : "none");
    }

    /** The store's kind, as the readiness check names it: {@code memory}, {@code redis-standalone}, {@code redis-sentinel} or {@code redis-cluster}. */
    public String mode() {
        return redisUrl.isEmpty() ? "memory" : sentinel() ? "redis-sentinel" : cluster() ? "redis-cluster" : "redis-standalone";
    }

    /** True when other processes see the same sessions. */
    public boolean shared() {
        return redisUrl.isPresent();
    }

    /** What may be shown of the location: never a password from the URL. */
    @Override
    public String toString() {
        return redisUrl.map(StoreUrls::masked).orElse("memory");
    }
}
