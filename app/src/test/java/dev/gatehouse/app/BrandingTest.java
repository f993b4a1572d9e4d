package dev.gatehouse.app;

import dev.gatehouse.adapter.vertx.web.Brand;
import dev.gatehouse.adapter.vertx.web.HttpSettings;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The product's name, accent colour and logo come from the configuration, without a rebuild. */
@ExtendWith(VertxExtension.class)
class BrandingTest {

    private static final String LOGO = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"120\" height=\"40\"><rect width=\"120\" height=\"40\"/></svg>";

    @TempDir
    Path dataDir;

    @Test
    void givenABrand_thenEveryPageCarriesItsNameAccentAndLogo(Vertx vertx) throws Exception {
        Path logo = Files.writeString(dataDir.resolve("acme.svg"), LOGO);
        Brand acme = new Brand("Acme Portal", Optional.of("#6b21a8"), Optional.of(logo));
        TestServer server = new TestServer(vertx, dataDir.resolve("data"), HttpSettings.defaults("127.0.0.1", 0).withBrand(acme));
        Browser browser = new Browser(vertx, server.port());

        String page = browser.get("/login").bodyAsString();
        HttpResponse<Buffer> css = browser.get("/static/brand.css");
        HttpResponse<Buffer> served = browser.get("/static/logo.svg");

        assertTrue(page.contains("<title>Log in · Acme Portal</title>"), page);
        assertTrue(page.contains("<link rel=\"stylesheet\" href=\"/static/brand.css\">"), page);
        assertTrue(page.contains("<img src=\"/static/logo.svg\" alt=\"Acme Portal\" height=\"40\">"), page);
        assertTrue(css.bodyAsString().contains("--brand-accent: #6b21a8"), css.bodyAsString());
        assertEquals("image/svg+xml", served.getHeader("Content-Type"));
        assertEquals(LOGO, served.bodyAsString());
        assertEquals("nosniff", served.getHeader("X-Content-Type-Options"));
    }

    @Test
    void givenNoBrand_thenThePagesSayGatehouseAndLinkNoBrandFiles(Vertx vertx) {
        TestServer server = new TestServer(vertx, dataDir);
        Browser browser = new Browser(vertx, server.port());

        String page = browser.get("/login").bodyAsString();

        assertTrue(page.contains("<title>Log in · Gatehouse</title>"), page);
        assertFalse(page.contains("brand.css") || page.contains("<img"), page);
        assertEquals(404, browser.get("/static/brand.css").statusCode());
    }

    @Test
    void givenAnAccentWhiteTextCannotBeReadOn_thenServeRefusesItInOneLine() {
        CommandRunner run = CommandRunner.runIn(Map.of("GATEHOUSE_BRAND_ACCENT", "#ffcc00"), "config");

        assertEquals(2, run.exitCode);
        assertEquals("gatehouse: The settings are not usable: brand-accent #ffcc00 leaves white text on it at 1.5:1, below WCAG AA's 4.5:1; "
                + "choose a darker colour.\n", run.err);
    }
}
