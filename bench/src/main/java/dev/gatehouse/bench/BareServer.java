package dev.gatehouse.bench;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;

/**
 * The baseline: Vert.x core's HTTP server answering every request with a fixed greeting, on one
 * event loop. No routing, no cookie, no session, no template: the most anything on Vert.x can do
 * on this machine, so every figure of Gatehouse is read as a fraction of it.
 */
public final class BareServer {

    private BareServer() {
    }

    public static void main(String[] args) {
        int port = Integer.parseInt(args[0]);
        Buffer greeting = Buffer.buffer("Hello, admin!");
        Vertx.vertx().createHttpServer()
                .requestHandler(request -> request.response()
                        .putHeader(HttpHeaders.CONTENT_TYPE, "text/html; charset=utf-8")
                        .end(greeting))
                .listen(port, "127.0.0.1")
                .onSuccess(server -> System.out.println("bare Vert.x listening on 127.0.0.1:" + server.actualPort()))
                .onFailure(failure -> {
                    System.err.println("bare Vert.x could not listen: " + failure.getMessage());
                    System.exit(1);
                });
    }
}
