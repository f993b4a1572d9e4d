package dev.gatehouse.app;

import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/**
 * What a test in headless Chromium starts with: a real Gatehouse on the embedded defaults, a
 * browser with a profile of its own, and the site's address, on {@link #host()}.
 */
@ExtendWith(VertxExtension.class)
abstract class InChromium {

    @TempDir
    Path dataDir;
    @TempDir
    Path profile;

    HeadlessChromium chromium;
    TestServer server;
    String site;

    /** The host the browser opens the site on: an address, or {@code localhost} where a page needs a secure context's features (WebAuthn). */
    String host() {
        return "127.0.0.1";
    }

    @BeforeEach
    void startServerAndBrowser(Vertx vertx) {
        chromium = HeadlessChromium.start(profile);
        server = new TestServer(vertx, dataDir);
        site = "http://" + host() + ":" + server.port();
    }

    @AfterEach
    void stopBrowser() {
        if (chromium != null) {
            chromium.close();
        }
    }
}
