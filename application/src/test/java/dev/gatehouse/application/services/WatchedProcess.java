package dev.gatehouse.application.services;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A server process a test starts, whose output is kept so that the test can wait for what it
 * says (an event: ready, failed over) rather than for a time.
 */
public final class WatchedProcess implements AutoCloseable {

    private final Process process;
    private final StringBuilder said = new StringBuilder();

    private WatchedProcess(Process process) {
        this.process = process;
    }

    /** Starts {@code command} and returns once it has said {@code ready}. */
    public static WatchedProcess start(List<String> command, String ready) throws IOException {
        WatchedProcess watched = new WatchedProcess(new ProcessBuilder(command).redirectErrorStream(true).start());
        BufferedReader output = new BufferedReader(new InputStreamReader(watched.process.getInputStream(), StandardCharsets.UTF_8));
        Thread reader = new Thread(() -> {
            try {
                for (String line; (line = output.readLine()) != null; ) {
                    synchronized (watched.said) {
                        watched.said.append(line).append('\n');
                        watched.said.notifyAll();
                    }
                }
            } catch (IOException stopped) {
                // The process was stopped: nothing more to read.
            }
            synchronized (watched.said) {
                watched.said.notifyAll();
            }
        }, "watched-process");
        reader.setDaemon(true);
        reader.start();
        try {
            watched.await(ready);
        } catch (RuntimeException notReady) {
            watched.close();
            throw notReady;
        }
        return watched;
    }

    /** Waits until the process has said {@code text} (an event; the bound only stops a hung test). */
    public void await(String text) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        synchronized (said) {
            while (said.indexOf(text) < 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0 || !process.isAlive()) {
                    throw new IllegalStateException(String.join(" ", process.info().command().orElse("the process")) + " never said \""
                            + text + "\":\n" + said);
                }
                try {
                    said.wait(Math.min(TimeUnit.NANOSECONDS.toMillis(left) + 1, 1_000));
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted", interrupted);
                }
            }
        }
    }

    /** Kills it at once (SIGKILL), as a crash would: no time to hand anything over. */
    public void kill() {
        process.destroyForcibly();
        waitForEnd();
    }

    /** Asks it to stop (SIGTERM) and waits until it has. */
    @Override
    public void close() {
        process.destroy();
        waitForEnd();
    }

    private void waitForEnd() {
        try {
            process.waitFor();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
