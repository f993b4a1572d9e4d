package dev.gatehouse.app;

import dev.gatehouse.app.config.ServerConfig;
import dev.gatehouse.adapter.vertx.web.GatehouseSession;
import dev.gatehouse.application.MutableClock;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Gatehouse inside someone else's Vert.x application, as the README shows it: a shop with its own
 * front page and a cart kept in the Gatehouse session, its routes next to Gatehouse's on one router.
 */
@ExtendWith(VertxExtension.class)
class EmbeddingTest {

    private static final String PASSWORD = "correct horse battery staple";

    @TempDir
    Path dataDir;

    private Browser browser;
    private int port;

    @BeforeEach
    void startTheShop(Vertx vertx) {
        CommandRunner.addUser(dataDir, "alice", PASSWORD);
        ServerConfig config = ServerConfig.defaults(dataDir).withClock(new MutableClock(Instant.parse("2026-01-01T09:00:00Z")));
        Gatehouse.Embedded gatehouse = Gatehouse.embed(vertx, config, new PrintStream(OutputStream.nullOutputStream())).await();

        Router router = Router.router(vertx);
        router.get("/").handler(ctx -> ctx.end("The shop's own front page"));
        gatehouse.routes().mountOn(router);
        router.route("/cart*").handler(gatehouse.routes().requireLogin());
        router.get("/cart").handler(ctx -> {
            GatehouseSession session = GatehouseSession.of(ctx);
            ctx.response().putHeader("Content-Type", "text/html; charset=utf-8").end("<p>" + session.username() + ": "
                    + session.get("cart").orElse("empty") + ", wish: " + session.get("wish").orElse("none") + "</p>"
                    + "<input type=\"hidden\" name=\"csrf\" value=\"" + session.csrfToken() + "\">");
        });
        router.post("/cart").handler(BodyHandler.create()).handler(ctx -> {
            GatehouseSession session = GatehouseSession.of(ctx);
            if (!session.csrfMatches(ctx.request().getFormAttribute("csrf"))) {
                ctx.fail(403);
                return;
            }
            session.put(ctx.request().getFormAttribute("name"), ctx.request().getFormAttribute("value"))
                    .onSuccess(written -> ctx.redirect("/cart"))
                    .onFailure(invalid -> ctx.response().setStatusCode(400).end("not a cart value"));
        });
        HttpServer server = vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1").await();
        port = server.actualPort();
        browser = new Browser(vertx, port);
    }

    @Test
    void givenTheShop_thenItsRoutesNeedALoginAndKeepTheirDataInTheSession() {
        HttpResponse<Buffer> cart = browser.get("/cart");
        assertEquals(302, cart.statusCode());
        assertEquals("/login?next=%2Fcart", cart.getHeader("Location"));

        String csrf = browser.openLoginForm();
        HttpResponse<Buffer> login = browser.post("/login", Map.of("username", "alice", "password", PASSWORD, "csrf", csrf, "next", "/cart"));
        assertEquals("/cart", login.getHeader("Location"));
        HttpResponse<Buffer> empty = browser.get("/cart");
        assertTrue(empty.bodyAsString().contains("alice: empty"), empty.bodyAsString());

        String token = Browser.csrfOf(empty);
        assertEquals(302, browser.post("/cart", Map.of("csrf", token, "name", "cart", "value", "one book")).statusCode());
        assertTrue(browser.get("/cart").bodyAsString().contains("alice: one book"));

        assertEquals(403, browser.post("/cart", Map.of("csrf", "forged", "name", "cart", "value", "x")).statusCode());
        assertEquals(400, browser.post("/cart", Map.of("csrf", token, "name", "gatehouse.restored", "value", "true")).statusCode(),
                "Gatehouse's own names are not the application's to write");
    }

    @Test
    void givenTwoTabsWritingAtOnce_thenBothValuesAreKept() {
        browser.logIn("alice", PASSWORD);
        String token = Browser.csrfOf(browser.get("/cart"));

        Future.all(browser.sendAsync("/cart", Map.of("csrf", token, "name", "cart", "value", "a lamp")),
                browser.sendAsync("/cart", Map.of("csrf", token, "name", "wish", "value", "a rug"))).await();

        String page = browser.get("/cart").bodyAsString();
        assertTrue(page.contains("alice: a lamp, wish: a rug"), page);
    }

    @Test
    void givenTheShopsOwnRoutes_thenGatehouseLeavesThemAlone() {
        HttpResponse<Buffer> front = browser.get("/");
        assertEquals("The shop's own front page", front.bodyAsString());
        assertNull(front.getHeader("Content-Security-Policy"), "Gatehouse's headers stay on Gatehouse's routes");
        assertNotNull(browser.get("/login").getHeader("Content-Security-Policy"));
        HttpResponse<Buffer> missing = browser.get("/nothing-here");
        assertEquals(404, missing.statusCode());
        assertTrue(!missing.bodyAsString().contains("Gatehouse"), "the application's own 404");

        browser.logIn("alice", PASSWORD);
        HttpResponse<Buffer> logout = browser.post("/logout", Map.of("csrf", Browser.csrfOf(browser.get("/logout"))));
        assertEquals("/", logout.getHeader("Location"));
        assertEquals(302, browser.get("/cart").statusCode());
    }
}
