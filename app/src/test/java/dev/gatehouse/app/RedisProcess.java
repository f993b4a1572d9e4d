package dev.gatehouse.app;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** A redis-server of a test's own (Debian's package), on 127.0.0.1, keeping nothing on disk. */
final class RedisProcess implements AutoCloseable {

    final int port;
    private final Process process;

    private RedisProcess(int port, Process process) {
        this.port = port;
        this.process = process;
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Starts redis-server with these settings too, and returns once it says it is ready: an event, not a guess at the time it needs. */
    static RedisProcess start(int port, String... settings) throws IOException {
        List<String> command = new ArrayList<>(List.of("redis-server", "--port", Integer.toString(port), "--bind", "127.0.0.1",
                "--save", "", "--appendonly", "no"));
        command.addAll(List.of(settings));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        BufferedReader log = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String line;
        StringBuilder said = new StringBuilder();
        while ((line = log.readLine()) != null) {
            said.append(line).append('\n');
            if (line.contains("Ready to accept connections")) {
                // Keep reading its output so that it never blocks on a full pipe.
                Thread drain = new Thread(() -> {
                    try {
                        log.lines().forEach(ignored -> { });
                    } catch (java.io.UncheckedIOException stopped) {
                        // The server was stopped: nothing more to read.
                    }
                }, "redis-log");
                drain.setDaemon(true);
                drain.start();
                return new RedisProcess(port, process);
            }
        }
        throw new IllegalStateException("redis-server did not start:\n" + said);
    }

    Process process() {
        return process;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            process.waitFor();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
