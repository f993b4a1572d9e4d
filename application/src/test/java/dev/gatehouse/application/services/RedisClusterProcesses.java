package dev.gatehouse.application.services;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A Redis Cluster of a test's own: redis-server processes from Debian's package with cluster mode
 * on, joined by {@code redis-cli --cluster create} (which hands out the 16384 slots and picks the
 * replicas), ready once every node has said that the cluster is ok.
 */
public final class RedisClusterProcesses implements AutoCloseable {

    private final List<RedisProcess> nodes;
    private final Optional<String> password;
    private final Optional<Path> tls;

    private RedisClusterProcesses(List<RedisProcess> nodes, Optional<String> password, Optional<Path> tls) {
        this.nodes = nodes;
        this.password = password;
        this.tls = tls;
    }

    /**
     * {@code masters} masters (at least 3), each with {@code replicasEach} replicas; a master is
     * called down after 1 s. With a password, every node asks for it (replicas included). With
     * {@code tls}, a directory of {@link TestCertificates} for {@code redis}, every node speaks TLS
     * only, to clients and to each other. {@code settings} go to every node too (an ACL user, say).
     */
    public static RedisClusterProcesses start(int masters, int replicasEach, Optional<String> password, Optional<Path> tls, String... settings)
            throws IOException, InterruptedException {
        List<RedisProcess> nodes = new ArrayList<>();
        try {
            for (int i = 0; i < masters * (1 + replicasEach); i++) {
                // The bus port is a free port of its own: by default it is the port plus 10000, past 65535 for a high free port.
                List<String> node = new ArrayList<>(List.of("--cluster-enabled", "yes", "--cluster-config-file", "nodes.conf",
                        "--cluster-port", Integer.toString(RedisProcess.freePort()), "--cluster-node-timeout", "1000"));
                password.ifPresent(secret -> node.addAll(List.of("--requirepass", secret, "--masterauth", secret)));
                int port = RedisProcess.freePort();
                tls.ifPresent(certificates -> {
                    node.addAll(RedisProcess.tlsOnly(port, certificates));
                    node.addAll(List.of("--tls-cluster", "yes"));
                });
                node.addAll(List.of(settings));
                nodes.add(RedisProcess.start(port, node.toArray(String[]::new)));
            }
            List<String> create = new ArrayList<>(redisCli(password, tls));
            create.addAll(List.of("--cluster", "create"));
            nodes.forEach(node -> create.add("127.0.0.1:" + node.port));
            create.addAll(List.of("--cluster-replicas", Integer.toString(replicasEach), "--cluster-yes"));
            Process made = new ProcessBuilder(create).redirectErrorStream(true).start();
            String said = new String(made.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (made.waitFor() != 0) {
                throw new IllegalStateException("redis-cli --cluster create failed:\n" + said);
            }
            nodes.forEach(node -> node.await("Cluster state changed: ok"));
            return new RedisClusterProcesses(nodes, password, tls);
        } catch (IOException | InterruptedException | RuntimeException failed) {
            nodes.forEach(RedisProcess::close);
            throw failed;
        }
    }

    public List<RedisProcess> nodes() {
        return nodes;
    }

    /** The nodes that are masters now, as each says of itself ({@code ROLE}). */
    public List<RedisProcess> masters() throws IOException, InterruptedException {
        List<RedisProcess> masters = new ArrayList<>();
        for (RedisProcess node : nodes) {
            List<String> ask = new ArrayList<>(redisCli(password, tls));
            ask.addAll(List.of("-p", Integer.toString(node.port), "ROLE"));
            Process role = new ProcessBuilder(ask).redirectErrorStream(true).start();
            String said = new String(role.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            role.waitFor();
            if (said.startsWith("master")) {
                masters.add(node);
            }
        }
        return masters;
    }

    /** redis-cli, with the password and the CA to check the nodes' certificates against. */
    private static List<String> redisCli(Optional<String> password, Optional<Path> tls) {
        List<String> command = new ArrayList<>(List.of("redis-cli", "--no-auth-warning"));
        password.ifPresent(secret -> command.addAll(List.of("-a", secret)));
        tls.ifPresent(certificates -> command.addAll(List.of("--tls", "--cacert", certificates.resolve("ca.crt").toString())));
        return command;
    }

    /** Every node, as {@code redis://127.0.0.1:PORT}: what a cluster client is given to learn the rest from. */
    public List<String> endpoints() {
        return nodes.stream().map(node -> "redis://127.0.0.1:" + node.port).toList();
    }

    /** The store's location for Gatehouse: {@code redis-cluster://127.0.0.1:P1,127.0.0.1:P2,...} ({@code rediss-cluster://} over TLS). */
    public String url() {
        return url("");
    }

    /** The same, as an ACL user: {@code redis-cluster://USER@127.0.0.1:P1,...}. */
    public String urlAs(String user) {
        return url(user + "@");
    }

    private String url(String user) {
        return nodes.stream().map(node -> "127.0.0.1:" + node.port)
                .collect(Collectors.joining(",", (tls.isPresent() ? "rediss-cluster://" : "redis-cluster://") + user, ""));
    }

    @Override
    public void close() {
        nodes.forEach(RedisProcess::close);
    }
}
