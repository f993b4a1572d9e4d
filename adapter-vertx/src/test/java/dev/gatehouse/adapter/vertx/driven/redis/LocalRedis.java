package dev.gatehouse.adapter.vertx.driven.redis;

import io.vertx.core.Vertx;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;

import java.util.UUID;

/**
 * The Redis of this machine ({@code REDIS_URL}, or 127.0.0.1:6379) for the store tests: each test
 * takes a key prefix of its own and removes its keys afterwards, so tests never meet each other's data.
 */
public final class LocalRedis implements AutoCloseable {

    private final Vertx vertx = Vertx.vertx();
    public final Redis redis = Redis.createClient(vertx, System.getenv().getOrDefault("REDIS_URL", "redis://127.0.0.1:6379"));

    public static String freshPrefix() {
        return "gatehouse-test-" + UUID.randomUUID() + ":";
    }

    public void removeKeys(String prefix) {
        for (Response key : redis.send(Request.cmd(Command.KEYS).arg(prefix + "*")).await()) {
            redis.send(Request.cmd(Command.DEL).arg(key.toString())).await();
        }
    }

    @Override
    public void close() {
        redis.close();
        vertx.close().await();
    }
}
