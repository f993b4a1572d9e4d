package dev.gatehouse.application.services;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A Redis Cluster of a test's own: redis-server processes from Debian's package with cluster mode
 * on, joined by {@code redis-cli --cluster create} (which hands out the 16384 slots and picks the
 * replicas), ready once every node has said that the cluster is ok.
 */
public final class RedisClusterProcesses implements AutoCloseable {

    private final List<RedisProcess> nodes;

    private RedisClusterProcesses(List<RedisProcess> nodes) {
        this.nodes = nodes;
    }

    /** {@code masters} masters (at least 3), each with {@code replicasEach} replicas; a master is called down after 1 s. */
    public static RedisClusterProcesses start(int masters, int replicasEach) throws IOException, InterruptedException {
        List<RedisProcess> nodes = new ArrayList<>();
        try {
            for (int i = 0; i < masters * (1 + replicasEach); i++) {
                // The bus port is a free port of its own: by default it is the port plus 10000, past 65535 for a high free port.
                nodes.add(RedisProcess.start(RedisProcess.freePort(), "--cluster-enabled", "yes", "--cluster-config-file", "nodes.conf",
                        "--cluster-port", Integer.toString(RedisProcess.freePort()), "--cluster-node-timeout", "1000"));
            }
            List<String> create = new ArrayList<>(List.of("redis-cli", "--cluster", "create"));
            nodes.forEach(node -> create.add("127.0.0.1:" + node.port));
            create.addAll(List.of("--cluster-replicas", Integer.toString(replicasEach), "--cluster-yes"));
            Process made = new ProcessBuilder(create).redirectErrorStream(true).start();
            String said = new String(made.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (made.waitFor() != 0) {
                throw new IllegalStateException("redis-cli --cluster create failed:\n" + said);
            }
            nodes.forEach(node -> node.await("Cluster state changed: ok"));
            return new RedisClusterProcesses(nodes);
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
            Process role = new ProcessBuilder("redis-cli", "-p", Integer.toString(node.port), "ROLE").redirectErrorStream(true).start();
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
