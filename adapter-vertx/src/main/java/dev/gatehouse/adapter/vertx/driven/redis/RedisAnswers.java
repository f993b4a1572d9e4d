package dev.gatehouse.adapter.vertx.driven.redis;

import dev.gatehouse.domain.StoreUnavailable;
import io.vertx.core.Future;

import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/** How the Redis-backed stores wait for Redis: not long, and a Redis that does not answer is a store that is down (S20). */
public final class RedisAnswers {

    /** A Redis that does not answer within this is treated as down: the request fails closed rather than hang. */
    public static final long WITHIN_MS = 2_000;

    private RedisAnswers() {
    }

    /**
     * Redis's answer within the time allowed; failing to get one is {@link StoreUnavailable}. Guard
     * only the exchange with Redis, so that a bug in reading an answer stays a bug.
     */
    public static <T> CompletionStage<T> within(Future<T> answer, String store) {
        return answer.timeout(WITHIN_MS, TimeUnit.MILLISECONDS)
                .recover(failure -> Future.failedFuture(new StoreUnavailable(store, failure)))
                .toCompletionStage();
    }
}
