package dev.gatehouse.adapter.vertx.web;

import java.nio.file.Path;
import java.util.Objects;

/** A certificate chain and its private key, both PEM files, for serving HTTPS directly. */
public record TlsFiles(Path certificate, Path key) {

    public TlsFiles {
        Objects.requireNonNull(certificate, "certificate");
        Objects.requireNonNull(key, "key");
    }
}
