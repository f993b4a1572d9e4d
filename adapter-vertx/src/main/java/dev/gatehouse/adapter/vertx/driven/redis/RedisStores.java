package dev.gatehouse.adapter.vertx.driven.redis;

import dev.gatehouse.adapter.vertx.driven.Stores;
import dev.gatehouse.domain.LoginThrottle;
import dev.gatehouse.domain.RememberedLogins;
import dev.gatehouse.domain.SessionPolicy;
import dev.gatehouse.domain.SessionRepository;
import dev.gatehouse.domain.ThrottlePolicy;
import io.vertx.core.Vertx;
import io.vertx.core.net.PemTrustOptions;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisClientType;
import io.vertx.redis.client.RedisOptions;
import io.vertx.redis.client.RedisRole;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** The stores in one Redis that every server and terminal shares; Redis expires and keeps them itself. */
public final class RedisStores implements Stores {

    /** Every key Gatehouse makes in Redis starts with this, so that Redis can be shared with other applications. */
    public static final String KEY_PREFIX = "gatehouse:";
    /** Every request that needs a session borrows a connection: the default pool (6, with 24 waiting) refuses requests under load long before Redis is busy. */
    private static final int CONNECTIONS = 32;
    private static final int WAITING = 8192;
    private static final Duration MOVING_TAKES_AT_MOST = Duration.ofMinutes(1);
    private static final Logger LOG = LoggerFactory.getLogger(RedisStores.class);

    private final RedisSessionRepository sessions;
    private final RedisLoginThrottle throttle;
    private final RedisRememberedLogins remembered;
    private final boolean cluster;

    /**
     * @param password for Redis's {@code AUTH}, with the URL's user (an ACL user) or the default one; empty for none
     * @param certificateAuthority for a {@code rediss://} URL, the CA (PEM) the server's certificate must chain to; empty for the system's
     */
    public RedisStores(Vertx vertx, String url, Optional<String> password, Optional<Path> certificateAuthority, SessionPolicy policy,
                       ThrottlePolicy throttlePolicy, Clock clock) {
        this(vertx, standalone(url, password, certificateAuthority), policy, throttlePolicy, clock);
    }

    private static RedisOptions standalone(String url, Optional<String> password, Optional<Path> certificateAuthority) {
        RedisOptions options = new RedisOptions().setConnectionString(url).setMaxPoolSize(CONNECTIONS).setMaxPoolWaiting(WAITING);
        password.ifPresent(options::setPassword);
        return securedWhereAsked(options, certificateAuthority);
    }

    /**
     * TLS for every connection when the endpoints are {@code rediss://} URLs (the nodes a cluster
     * names, and the master the Sentinels name, keep the scheme of the URL they came through).
     * Each server's name is checked against its certificate, as a browser checks a site's.
     */
    private static RedisOptions securedWhereAsked(RedisOptions options, Optional<Path> certificateAuthority) {
        if (options.getEndpoints().stream().allMatch(endpoint -> endpoint.toLowerCase(Locale.ROOT).startsWith("rediss://"))) {
            options.getNetClientOptions().setSsl(true).setHostnameVerificationAlgorithm("HTTPS");
            certificateAuthority.ifPresent(ca -> options.getNetClientOptions().setTrustOptions(new PemTrustOptions().addCertPath(ca.toString())));
        }
        return options;
    }

    /**
     * A Redis that Sentinels watch: the client asks them where the master is, and asks again
     * after a failover, by itself (vertx-redis-client's SENTINEL type, no topology code here).
     *
     * @param sentinels the Sentinels, as {@code redis://host:port} URLs ({@code rediss://} for TLS to them and to the master)
     * @param user      the ACL user on the Sentinels and the master; empty for the default user
     */
    public static RedisStores watchedBySentinels(Vertx vertx, List<String> sentinels, String masterName, Optional<String> user,
                                                 Optional<String> password, Optional<Path> certificateAuthority, SessionPolicy policy,
                                                 ThrottlePolicy throttlePolicy, Clock clock) {
        RedisOptions options = new RedisOptions().setType(RedisClientType.SENTINEL).setEndpoints(sentinels).setMasterName(masterName)
                .setRole(RedisRole.MASTER).setMaxPoolSize(CONNECTIONS).setMaxPoolWaiting(WAITING);
        user.ifPresent(options::setUser);
        password.ifPresent(options::setPassword);
        return new RedisStores(vertx, securedWhereAsked(options, certificateAuthority), policy, throttlePolicy, clock);
    }

    /**
     * A Redis Cluster: sessions spread over its masters by their hash slots. The client learns
     * which master holds which slots from any of {@code nodes}, and learns again when a master
     * fails over or slots move (vertx-redis-client's CLUSTER type, no topology code here).
     *
     * @param nodes some of the cluster's nodes, as {@code redis://host:port} URLs ({@code rediss://} for TLS)
     * @param user  the ACL user on every node; empty for the default user. It goes in the options,
     *              not the URLs: the nodes the client learns of would get the user with an empty password
     */
    public static RedisStores cluster(Vertx vertx, List<String> nodes, Optional<String> user, Optional<String> password,
                                      Optional<Path> certificateAuthority, SessionPolicy policy, ThrottlePolicy throttlePolicy, Clock clock) {
        RedisOptions options = clusterOptions(nodes, password, certificateAuthority);
        user.ifPresent(options::setUser);
        return new RedisStores(vertx, options, policy, throttlePolicy, clock);
    }

    /** The client for these options; for a cluster, one whose requests share a connection (see {@link SharedClusterConnection}). */
    static Redis client(Vertx vertx, RedisOptions options) {
        Redis client = Redis.createClient(vertx, options);
        return options.getType() == RedisClientType.CLUSTER ? new SharedClusterConnection(client) : client;
    }

    static RedisOptions clusterOptions(List<String> nodes, Optional<String> password, Optional<Path> certificateAuthority) {
        RedisOptions options = new RedisOptions().setType(RedisClientType.CLUSTER).setEndpoints(nodes)
                .setMaxPoolSize(CONNECTIONS).setMaxPoolWaiting(WAITING);
        password.ifPresent(options::setPassword);
        return securedWhereAsked(options, certificateAuthority);
    }

    private RedisStores(Vertx vertx, RedisOptions options, SessionPolicy policy, ThrottlePolicy throttlePolicy, Clock clock) {
        Redis redis = client(vertx, options);
        this.cluster = options.getType() == RedisClientType.CLUSTER;
        KeyScan keys = cluster ? KeyScan.overMasters(vertx, redis, options) : KeyScan.of(redis);
        this.sessions = new RedisSessionRepository(redis, keys, KEY_PREFIX, policy, clock);
        this.throttle = new RedisLoginThrottle(redis, KEY_PREFIX, throttlePolicy);
        this.remembered = new RedisRememberedLogins(redis, KEY_PREFIX, clock);
    }

    @Override
    public SessionRepository sessions() {
        return sessions;
    }

    @Override
    public LoginThrottle throttle() {
        return throttle;
    }

    @Override
    public RememberedLogins remembered() {
        return remembered;
    }

    @Override
    public boolean shared() {
        return true;
    }

    @Override
    public boolean keptInFiles() {
        return false;
    }

    /**
     * At start, moves the sessions an older version kept under names without a hash tag to the
     * names of now, so that an upgrade logs nobody out (a cluster never held the older names).
     * A Redis that does not answer now is no reason not to start: requests fail closed until it
     * does, and the next start moves what is left. Nothing is read back into this process, so it
     * says 0, and logs what it moved itself.
     */
    @Override
    public int restore() {
        if (cluster) {
            return 0;
        }
        try {
            int moved = sessions.moveFromOlderKeyNames().toCompletableFuture().get(MOVING_TAKES_AT_MOST.toMillis(), TimeUnit.MILLISECONDS);
            if (moved > 0) {
                LOG.info("{} sessions moved to the key names of this version", moved);
            }
            return 0;
        } catch (ExecutionException | TimeoutException failed) {
            LOG.warn("Could not move the sessions kept under the key names of an earlier version (Redis does not answer); the next start tries again");
            return 0;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    @Override
    public void sweep(Instant now) {
        // Redis expires sessions, logins and counters by their time to live.
    }

    @Override
    public void noteEnded() {
        // Redis holds every change as it is made.
    }

    @Override
    public Optional<Kept> keep() {
        return Optional.empty();
    }

    @Override
    public CompletionStage<Long> countSessions() {
        return sessions.count();
    }
}
