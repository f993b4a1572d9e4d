package dev.gatehouse.app;

import io.vertx.core.Vertx;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetSocket;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP relay on a port of its own to a real service, which a test can cut and mend: the service
 * (PostgreSQL here) is the machine's and stays up for everyone else, while the server under test
 * sees it go away and come back.
 */
final class TcpCutter {

    private final Vertx vertx;
    private final String targetHost;
    private final int targetPort;
    private final NetClient client;
    private final List<NetSocket> open = new CopyOnWriteArrayList<>();
    private NetServer server;
    private int port;

    TcpCutter(Vertx vertx, String targetHost, int targetPort) {
        this.vertx = vertx;
        this.targetHost = targetHost;
        this.targetPort = targetPort;
        this.client = vertx.createNetClient();
    }

    /** Starts relaying on the same port as before (a free one the first time). */
    TcpCutter mend() {
        server = vertx.createNetServer().connectHandler(incoming -> {
            incoming.pause();
            client.connect(targetPort, targetHost).onSuccess(outgoing -> {
                open.add(incoming);
                open.add(outgoing);
                incoming.pipeTo(outgoing);
                outgoing.pipeTo(incoming);
                incoming.resume();
            }).onFailure(failure -> incoming.close());
        });
        port = server.listen(port, "127.0.0.1").await().actualPort();
        return this;
    }

    /** Stops listening and drops every relayed connection, as a database that has gone away. */
    void cut() {
        server.close().await();
        for (NetSocket socket : open) {
            socket.close();
        }
        open.clear();
    }

    int port() {
        return port;
    }
}
