package dev.gatehouse.application.services;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A redis-server (or a Sentinel) of a test's own, Debian's package, on 127.0.0.1, keeping nothing
 * on disk; what it logs is kept, so that a test can wait for what it says (an event) rather than
 * for a time.
 */
public final class RedisProcess implements AutoCloseable {

    public final int port;
    private final WatchedProcess process;
    /** Where it may write (a replica's copy of the master's snapshot), removed with it; null for a Sentinel, whose test owns its file. */
    private final Path directory;

    private RedisProcess(int port, WatchedProcess process, Path directory) {
        this.port = port;
        this.process = process;
        this.directory = directory;
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Starts redis-server with these settings too, and returns once it says it is ready. */
    public static RedisProcess start(int port, String... settings) throws IOException {
        // A directory of its own: a replica writes the master's snapshot there, and nothing must be read back from an earlier one.
        Path directory = Files.createTempDirectory("redis-" + port + "-");
        List<String> command = new ArrayList<>(List.of("redis-server", "--port", Integer.toString(port), "--bind", "127.0.0.1",
                "--save", "", "--appendonly", "no", "--dir", directory.toString()));
        command.addAll(List.of(settings));
        return new RedisProcess(port, WatchedProcess.start(command, "Ready to accept connections"), directory);
    }

    /**
     * A Sentinel watching the master at {@code masterPort} under {@code name}, quick to call it down
     * (1 s), with a config file of its own to write; with a password, it asks for it too and gives
     * it to the master; with {@code tls}, a directory of {@link TestCertificates} for {@code redis},
     * it speaks TLS only, to its clients, the master, the replicas and the other Sentinels;
     * {@code lines} go in its config file too (an ACL user, say).
     */
    public static RedisProcess sentinel(Path directory, int port, String name, int masterPort, Optional<String> password, Optional<Path> tls,
                                        String... lines) throws IOException {
        Path config = directory.resolve("sentinel-" + port + ".conf");
        String listening = tls.map(certificates -> "port 0\ntls-port " + port + "\ntls-cert-file " + certificates.resolve("redis.crt")
                + "\ntls-key-file " + certificates.resolve("redis.key") + "\ntls-ca-cert-file " + certificates.resolve("ca.crt")
                + "\ntls-auth-clients no\ntls-replication yes\n").orElse("port " + port + "\n");
        Files.writeString(config, listening + "bind 127.0.0.1\nsentinel monitor " + name + " 127.0.0.1 " + masterPort + " 2\n"
                + "sentinel down-after-milliseconds " + name + " 1000\nsentinel failover-timeout " + name + " 5000\n"
                + password.map(secret -> "requirepass " + secret + "\nsentinel auth-pass " + name + " " + secret + "\n").orElse("")
                + String.join("", java.util.Arrays.stream(lines).map(line -> line + "\n").toList()));
        return new RedisProcess(port, WatchedProcess.start(List.of("redis-server", config.toString(), "--sentinel"), "+monitor master " + name), null);
    }

    /** The settings that make a redis-server on {@code port} speak TLS only, with the certificates of {@link TestCertificates} for {@code redis}. */
    public static List<String> tlsOnly(int port, Path certificates) {
        return List.of("--port", "0", "--tls-port", Integer.toString(port), "--tls-cert-file", certificates.resolve("redis.crt").toString(),
                "--tls-key-file", certificates.resolve("redis.key").toString(), "--tls-ca-cert-file", certificates.resolve("ca.crt").toString(),
                "--tls-auth-clients", "no", "--tls-replication", "yes");
    }

    /** Waits until the server has said {@code text} (an event; the bound only stops a hung test). */
    public void await(String text) {
        process.await(text);
    }

    /** Kills it at once (SIGKILL), as a crash would: no time to hand anything over to a replica. */
    public void kill() {
        process.kill();
    }

    @Override
    public void close() {
        process.close();
        if (directory != null) {
            try (var files = Files.walk(directory)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            } catch (IOException gone) {
                // Nothing left to remove.
            }
        }
    }
}
