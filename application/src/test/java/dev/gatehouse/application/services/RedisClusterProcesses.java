package dev.gatehouse.application.services;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
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

    private RedisClusterProcesses(List<RedisProcess> nodes, Optional<String> password) {
        this.nodes = nodes;
        this.password = password;
    }

    /**
     * {@code masters} masters (at least 3), each with {@code replicasEach} replicas; a master is
     * called down after 1 s. With a password, every node asks for it (replicas included).
     */
    public static RedisClusterProcesses start(int masters, int replicasEach, Optional<String> password) throws IOException, InterruptedException {
        List<RedisProcess> nodes = new ArrayList<>();
        try {
            for (int i = 0; i < masters * (1 + replicasEach); i++) {
                // The bus port is a free port of its own: by default it is the port plus 10000, past 65535 for a high free port.
                List<String> settings = new ArrayList<>(List.of("--cluster-enabled", "yes", "--cluster-config-file", "nodes.conf",
                        "--cluster-port", Integer.toString(RedisProcess.freePort()), "--cluster-node-timeout", "1000"));
                password.ifPresent(secret -> settings.addAll(List.of("--requirepass", secret, "--masterauth", secret)));
                nodes.add(RedisProcess.start(RedisProcess.freePort(), settings.toArray(String[]::new)));
            }
            List<String> create = new ArrayList<>(List.of("redis-cli", "--no-auth-warning", "--cluster", "create"));
            password.ifPresent(secret -> create.addAll(List.of("-a", secret)));
            nodes.forEach(node -> create.add("127.0.0.1:" + node.port));
            create.addAll(List.of("--cluster-replicas", Integer.toString(replicasEach), "--cluster-yes"));
            Process made = new ProcessBuilder(create).redirectErrorStream(true).start();
            String said = new String(made.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (made.waitFor() != 0) {
                throw new IllegalStateException("redis-cli --cluster create failed:\n" + said);
            }
            nodes.forEach(node -> node.await("Cluster state changed: ok"));
            return new RedisClusterProcesses(nodes, password);
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
            List<String> ask = new ArrayList<>(List.of("redis-cli", "--no-auth-warning", "-p", Integer.toString(node.port)));
            password.ifPresent(secret -> ask.addAll(List.of("-a", secret)));
            ask.add("ROLE");
            Process role = new ProcessBuilder(ask).redirectErrorStream(true).start();
            String said = new String(role.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            role.waitFor();
            if (said.startsWith("master")) {
                masters.add(node);
            }
        }
        return masters;
    }

    /** Every node, as {@code redis://127.0.0.1:PORT}: what a cluster client is given to learn the rest from. */
    public List<String> endpoints() {
        return nodes.stream().map(node -> "redis://127.0.0.1:" + node.port).toList();
    }

    /** The store's location for Gatehouse: {@code redis-cluster://127.0.0.1:P1,127.0.0.1:P2,...}. */
    public String url() {
        return nodes.stream().map(node -> "127.0.0.1:" + node.port).collect(Collectors.joining(",", "redis-cluster://", ""));
    }

    @Override
    public void close() {
        nodes.forEach(RedisProcess::close);
    }
}
