package dev.gatehouse.adapter.vertx.web;

import io.vertx.ext.web.RoutingContext;

import java.util.List;
import java.util.Set;

/**
 * The address a request really came from, which the throttle counts attempts by. It is the
 * peer's address, unless the peer is one of the trusted proxies ({@code --trusted-proxy}): then
 * {@code X-Forwarded-For} is read from the right, skipping trusted proxies, and the first address
 * that is not one of them is the client's. From anyone else the header is ignored, since a client
 * can write anything there.
 */
final class ClientAddress {

    private ClientAddress() {
    }

    static String of(RoutingContext ctx, Set<String> trustedProxies) {
        String peer = ctx.request().remoteAddress().hostAddress();
        if (trustedProxies.isEmpty() || !trustedProxies.contains(peer)) {
            return peer;
        }
        List<String> forwarded = ctx.request().headers().getAll("X-Forwarded-For");
        String client = peer;
        for (int h = forwarded.size() - 1; h >= 0; h--) {
            String[] hops = forwarded.get(h).split(",");
            for (int i = hops.length - 1; i >= 0; i--) {
                String hop = hops[i].strip();
                if (hop.isEmpty()) {
                    continue;
                }
                client = hop;
                if (!trustedProxies.contains(hop)) {
                    return hop;
                }
            }
        }
        return client;
    }
}
