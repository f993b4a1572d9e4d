package dev.gatehouse.application.services;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Certificates a TLS test makes with openssl, in a directory of its own: a CA ({@code ca.crt}),
 * another that signed nothing the server has ({@code other-ca.crt}), and a server certificate the
 * first signs for localhost and 127.0.0.1 ({@code NAME.crt}, {@code NAME.key}).
 */
public final class TestCertificates {

    private TestCertificates() {
    }

    public static void make(Path directory, String name) throws IOException, InterruptedException {
        for (String ca : List.of("ca", "other-ca")) {
            openssl(directory, "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-keyout", ca + ".key",
                    "-out", ca + ".crt", "-subj", "/CN=" + ca, "-days", "2");
        }
        openssl(directory, "req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-keyout", name + ".key",
                "-out", name + ".csr", "-subj", "/CN=localhost");
        Files.writeString(directory.resolve("names.ext"), "subjectAltName=DNS:localhost,IP:127.0.0.1\n");
        openssl(directory, "x509", "-req", "-in", name + ".csr", "-CA", "ca.crt", "-CAkey", "ca.key", "-CAcreateserial", "-out", name + ".crt",
                "-days", "2", "-extfile", "names.ext");
    }

    private static void openssl(Path directory, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("openssl"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true).start();
        String said = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("openssl " + String.join(" ", args) + ": " + said);
        }
    }
}
