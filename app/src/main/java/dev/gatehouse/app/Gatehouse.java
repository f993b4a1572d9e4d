package dev.gatehouse.app;

import dev.gatehouse.adapter.vertx.driven.Stores;
import dev.gatehouse.adapter.vertx.driven.UserDirectory;
import dev.gatehouse.adapter.vertx.web.GatehouseRoutes;
import dev.gatehouse.app.config.ServerConfig;
import dev.gatehouse.app.wiring.Wiring;
import dev.gatehouse.domain.SessionRepository;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

import java.io.PrintStream;

/**
 * Gatehouse for a Java application: {@link #start} a server of its own, or {@link #embed} its
 * routes in the application's router, configured by a {@link ServerConfig}. The wiring behind
 * both is {@code dev.gatehouse.app.wiring}; nothing here decides anything.
 */
public final class Gatehouse {

    private Gatehouse() {
    }

    /** A started server: where it listens, and how to stop it. */
    public static final class Running {

        private final Vertx vertx;
        private final Wiring wiring;
        private final Wiring.Listening listening;

        private Running(Vertx vertx, Wiring wiring, Wiring.Listening listening) {
            this.vertx = vertx;
            this.wiring = wiring;
            this.listening = listening;
        }

        /** The port the server listens on (the one it was given, or the free one it picked for 0). */
        public int port() {
            return listening.port();
        }

        /**
         * Stops serving: the listeners close, and the embedded stores write their snapshots (mode
         * 0600) for the next start, so a restart of a single server logs nobody out.
         */
        public Future<Void> stop() {
            return vertx.undeploy(listening.deploymentId()).compose(stopped -> wiring.keepForNextStart());
        }

        // For this package's tests, which look into the stores behind the HTTP answers.

        Stores stores() {
            return wiring.stores();
        }

        SessionRepository sessions() {
            return wiring.stores().sessions();
        }

        UserDirectory users() {
            return wiring.users();
        }
    }

    /**
     * Gatehouse inside an application's own Vert.x server: its routes, to mount on the
     * application's router, over the configured stores and users. The configuration's HTTP
     * settings give the request limits and trusted proxies; the application listens itself.
     */
    public static final class Embedded {

        private final Wiring wiring;
        private final GatehouseRoutes routes;

        private Embedded(Wiring wiring) {
            this.wiring = wiring;
            this.routes = wiring.routes();
        }

        public GatehouseRoutes routes() {
            return routes;
        }

        /** Call when the application stops: the embedded stores keep their sessions for the next start. */
        public Future<Void> stop() {
            return wiring.keepForNextStart();
        }
    }

    /**
     * Starts the server on {@code vertx}. On the very first start, with no users yet, it creates
     * {@value Wiring#FIRST_USER} with a long random password and prints that password once to {@code console}.
     */
    public static Future<Running> start(Vertx vertx, ServerConfig config, int eventLoops, PrintStream console) {
        return Wiring.open(vertx, config).compose(wiring -> wiring.listen(eventLoops)
                // Listening first: the first user's password hash need not delay the first page.
                // Behind a proxy with a portal, people reach the login page there, not on the listener's own address.
                .compose(listening -> wiring.createFirstUserIfNone(console, config.http().portals().isEmpty() ? listening.url() + "login"
                        : config.http().portals().get(0).origin() + "/login")
                        .onSuccess(created -> wiring.announce(listening))
                        .map(new Running(vertx, wiring, listening))));
    }

    /**
     * Gatehouse for an application's own router (see {@link Embedded}): the same stores, users,
     * secret and first user as {@link #start}, without a server of its own.
     */
    public static Future<Embedded> embed(Vertx vertx, ServerConfig config, PrintStream console) {
        return Wiring.open(vertx, config).compose(wiring -> {
            wiring.keepTidy();
            return wiring.createFirstUserIfNone(console, "your application's /login").map(new Embedded(wiring));
        });
    }
}
