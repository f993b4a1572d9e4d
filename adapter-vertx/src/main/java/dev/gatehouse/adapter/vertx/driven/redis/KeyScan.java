package dev.gatehouse.adapter.vertx.driven.redis;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisClientType;
import io.vertx.redis.client.RedisOptions;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Goes over the keys that match a pattern with SCAN, a page at a time (never KEYS, which would
 * stop Redis for everyone else). SCAN walks one server's keys, so in a Redis Cluster it walks
 * each master's in turn, on a connection of its own: the cluster client sends a command without
 * a key to any one node, and a cursor means something only to the node that gave it.
 */
abstract sealed class KeyScan {

    private static final int PAGE = 1000;

    /** Hands each page of matching keys to {@code page}, and the next page once that is done; then completes. */
    abstract Future<Void> each(String pattern, Function<Response, Future<?>> page);

    /** One Redis (standalone, or the master the Sentinels name): the client sends SCAN to it. */
    static KeyScan of(Redis redis) {
        return new OneServer(redis);
    }

    /** A Redis Cluster: the masters come from {@code CLUSTER SLOTS}, each scanned with these options but its own address. */
    static KeyScan overMasters(Vertx vertx, Redis cluster, RedisOptions options) {
        return new EveryMaster(vertx, cluster, options);
    }

    private static Future<Void> from(Redis redis, String cursor, String pattern, Function<Response, Future<?>> page) {
        return redis.send(Request.cmd(Command.SCAN).arg(cursor).arg("MATCH").arg(pattern).arg("COUNT").arg(PAGE)).compose(response -> {
            String next = response.get(0).toString();
            return page.apply(response.get(1)).compose(done -> "0".equals(next) ? Future.<Void>succeededFuture() : from(redis, next, pattern, page));
        });
    }

    private static final class OneServer extends KeyScan {
        private final Redis redis;

        OneServer(Redis redis) {
            this.redis = redis;
        }

        @Override
        Future<Void> each(String pattern, Function<Response, Future<?>> page) {
            return from(redis, "0", pattern, page);
        }
    }

    private static final class EveryMaster extends KeyScan {
        private final Vertx vertx;
        private final Redis cluster;
        private final RedisOptions options;

        EveryMaster(Vertx vertx, Redis cluster, RedisOptions options) {
            this.vertx = vertx;
            this.cluster = cluster;
            this.options = options;
        }

        @Override
        Future<Void> each(String pattern, Function<Response, Future<?>> page) {
            return cluster.send(Request.cmd(Command.CLUSTER).arg("SLOTS")).compose(slots -> {
                // Each range of slots names its master first: host, port, id.
                Set<String> masters = new LinkedHashSet<>();
                for (Response range : slots) {
                    masters.add(range.get(2).get(0) + ":" + range.get(2).get(1));
                }
                return inTurn(new ArrayList<>(masters), 0, pattern, page);
            });
        }

        private Future<Void> inTurn(List<String> masters, int next, String pattern, Function<Response, Future<?>> page) {
            if (next == masters.size()) {
                return Future.succeededFuture();
            }
            String scheme = options.getNetClientOptions().isSsl() ? "rediss://" : "redis://";
            Redis master = Redis.createClient(vertx, new RedisOptions(options).setType(RedisClientType.STANDALONE)
                    .setEndpoints(List.of(scheme + masters.get(next))).setMaxPoolSize(1));
            return from(master, "0", pattern, page)
                    .eventually(master::close)
                    .compose(done -> inTurn(masters, next + 1, pattern, page));
        }
    }
}
