package dev.gatehouse.adapter.vertx.web;

import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * A file shipped in the jar (the stylesheet, the OpenAPI document), read once and served from
 * memory, so no request touches the file system.
 */
final class BundledFile implements Handler<RoutingContext> {

    static final String STYLESHEET_PATH = "/static/gatehouse.css";
    static final String SCRIPT_PATH = "/static/gatehouse.js";
    static final String PASSKEYS_SCRIPT_PATH = "/static/passkeys.js";
    static final String OPENAPI_PATH = "/api/openapi.yaml";

    private final Buffer content;
    private final String contentType;

    private BundledFile(String name, String contentType) {
        this.contentType = contentType;
        try (InputStream in = BundledFile.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the jar");
            }
            content = Buffer.buffer(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static BundledFile stylesheet() {
        return new BundledFile("gatehouse.css", "text/css; charset=utf-8");
    }

    /** The one script: it counts down a throttled login's wait on the login page, which works the same without it. */
    static BundledFile script() {
        return new BundledFile("gatehouse.js", "text/javascript; charset=utf-8");
    }

    /** The browser's half of WebAuthn, on the pages that offer passkeys. */
    static BundledFile passkeysScript() {
        return new BundledFile("passkeys.js", "text/javascript; charset=utf-8");
    }

    /** The JSON API's description, for client generators and for the tests that hold the API to it. */
    static BundledFile openApi() {
        // text/yaml: browsers show it as text rather than download it, and API tools read it all the same.
        return new BundledFile("openapi.yaml", "text/yaml; charset=utf-8");
    }

    @Override
    public void handle(RoutingContext ctx) {
        ctx.response()
                .putHeader(HttpHeaders.CONTENT_TYPE, contentType)
                .putHeader(HttpHeaders.CACHE_CONTROL, "public, max-age=3600")
                .end(content);
    }
}
