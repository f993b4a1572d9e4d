package dev.gatehouse.adapter.vertx.driven.redis;

import io.vertx.core.Future;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisConnection;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The Redis Cluster client, with every request sent on one cluster connection that they all share
 * rather than on one taken from its pools per request. A cluster connection takes a pooled
 * connection from every master at once (vertx-redis-client 5.0.7), so with more requests at once
 * than a pool holds, each request holds some masters' connections and waits for the others' until
 * it times out: measured here, 64 concurrent greetings stalled for the full 2 s. One connection
 * to each master pipelines every request instead. When a request fails for a reason other than
 * Redis's own answer (a master died, or did not answer in time), the connection is dropped and
 * the next request makes a new one, which asks for the slots again and so finds the new master.
 */
final class SharedClusterConnection implements Redis {

    private final Redis cluster;
    private Future<RedisConnection> connection;

    SharedClusterConnection(Redis cluster) {
        this.cluster = cluster;
    }

    @Override
    public Future<RedisConnection> connect() {
        return cluster.connect();
    }

    @Override
    public Future<Response> send(Request command) {
        return onShared(shared -> shared.send(command));
    }

    @Override
    public Future<List<Response>> batch(List<Request> commands) {
        return onShared(shared -> shared.batch(commands));
    }

    @Override
    public Future<Void> close() {
        Future<RedisConnection> last;
        synchronized (this) {
            last = connection;
            connection = null;
        }
        Future<Void> closed = last == null ? Future.succeededFuture() : last.compose(RedisConnection::close).otherwiseEmpty();
        return closed.eventually(cluster::close);
    }

    private <T> Future<T> onShared(Function<RedisConnection, Future<T>> exchange) {
        Future<RedisConnection> shared = current();
        return shared.compose(open -> exchange.apply(open).timeout(RedisAnswers.WITHIN_MS, TimeUnit.MILLISECONDS))
                .onFailure(failure -> {
                    // Redis's own error answers are Responses too; anything else is the link's failure.
                    if (!(failure instanceof Response)) {
                        drop(shared);
                    }
                });
    }

    private synchronized Future<RedisConnection> current() {
        if (connection == null) {
            connection = cluster.connect();
        }
        return connection;
    }

    private void drop(Future<RedisConnection> broken) {
        synchronized (this) {
            if (connection != broken) {
                return;
            }
            connection = null;
        }
        broken.onSuccess(RedisConnection::close);
    }
}
