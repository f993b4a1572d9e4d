package dev.gatehouse.adapter.vertx.driven.postgres;

import io.vertx.core.net.ClientSSLOptions;
import io.vertx.core.net.PemTrustOptions;
import io.vertx.core.net.TrustOptions;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.SslMode;

import javax.net.ssl.TrustManagerFactory;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Optional;

/**
 * How to reach the PostgreSQL of a libpq-style URL ({@code postgresql://user@host:5432/db?sslmode=verify-full&sslrootcert=ca.crt}):
 * the driver's options, with the password given apart and the certificate checks a security team
 * expects. {@code require} and {@code verify-ca} check that the server's certificate chains to the
 * root certificate given (or to the system's CAs), which libpq's {@code require} does not;
 * {@code verify-full} checks its name too.
 */
public final class PostgresConnections {

    private PostgresConnections() {
    }

    /** @param rootCertificate the CA certificate (PEM) of {@code sslrootcert}, which the driver does not read; empty for the system's CAs */
    public static PgConnectOptions options(String url, Optional<String> password, Optional<Path> rootCertificate) {
        PgConnectOptions options = PgConnectOptions.fromUri(url.replaceAll("(?i)([?&])sslrootcert=[^&]*&?", "$1").replaceAll("[?&]$", ""));
        password.ifPresent(options::setPassword);
        SslMode mode = options.getSslMode();
        if (mode == SslMode.REQUIRE || mode == SslMode.VERIFY_CA || mode == SslMode.VERIFY_FULL) {
            options.setSslMode(mode == SslMode.VERIFY_FULL ? SslMode.VERIFY_FULL : SslMode.VERIFY_CA);
            TrustOptions trusted = rootCertificate.<TrustOptions>map(pem -> new PemTrustOptions().addCertPath(pem.toString()))
                    .orElseGet(PostgresConnections::systemCertificateAuthorities);
            options.setSslOptions(new ClientSSLOptions().setTrustOptions(trusted)
                    .setHostnameVerificationAlgorithm(mode == SslMode.VERIFY_FULL ? "HTTPS" : ""));
        }
        return options;
    }

    private static TrustOptions systemCertificateAuthorities() {
        try {
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init((KeyStore) null);
            return TrustOptions.wrap(factory);
        } catch (GeneralSecurityException unavailable) {
            throw new IllegalStateException("the system's trusted CAs cannot be read", unavailable);
        }
    }
}
