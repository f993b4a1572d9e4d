package dev.gatehouse.adapter.vertx.web;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpVersion;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.net.impl.ConnectionBase;

/**
 * Marks an HTTP/1 request line naming a version other than 1.0 or 1.1 ({@code HTTP/0.9},
 * {@code HTTP/2.0}, {@code HTTQ/1.1}) as undecodable, so that it reaches the server's
 * invalid-request handler and gets a 400 with our headers. Left alone, Vert.x answers it itself
 * with a bare 501, and offers no public setting to change that; hence this one handler in the
 * connection's Netty pipeline, right after the HTTP decoder (internal API, hence the checks).
 */
final class KnownVersionsOnly extends ChannelInboundHandlerAdapter {

    private static final String DECODER = "httpDecoder";

    /** Puts the check on a new HTTP/1 connection; an HTTP/2 connection has no request line to check. */
    static void install(HttpConnection connection) {
        if (connection instanceof ConnectionBase base && base.channelHandlerContext().pipeline().get(DECODER) != null) {
            base.channelHandlerContext().pipeline().addAfter(DECODER, "gatehouse-known-versions", new KnownVersionsOnly());
        }
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object message) {
        if (message instanceof HttpRequest request && request.decoderResult().isSuccess()
                // Vert.x knows a version by identity: "http/1.1" equals HTTP/1.1, yet gets the bare 501 too (the name is case-sensitive).
                && request.protocolVersion() != HttpVersion.HTTP_1_1 && request.protocolVersion() != HttpVersion.HTTP_1_0) {
            request.setDecoderResult(DecoderResult.failure(new IllegalArgumentException("unsupported HTTP version")));
        }
        ctx.fireChannelRead(message);
    }
}
