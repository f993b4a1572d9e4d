package dev.gatehouse.adapter.vertx.driven.hashing;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads that check and make password hashes, and do the users file's I/O: never an event
 * loop. On Linux they run at a lower CPU priority (nice {@value #NICENESS}), so that when a storm
 * of logins meets a busy server, the scheduler gives the event loops about nine tenths of a
 * contended core: pages stay fast and logins still progress. Idle threads end after a while.
 */
public final class HashingThreads {

    private static final Logger LOG = LoggerFactory.getLogger(HashingThreads.class);
    static final int NICENESS = 10;

    private final ThreadPoolExecutor pool;

    public HashingThreads(int threads) {
        AtomicInteger count = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), work -> {
            Thread thread = new Thread(() -> {
                lowerOwnPriority();
                work.run();
            }, "gatehouse-password-hashing-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        pool.allowCoreThreadTimeOut(true);
    }

    /**
     * Java's thread priorities do nothing on Linux unless the JVM runs with flags that print a
     * warning for every user but root, so the thread renices itself, once, by its kernel id.
     * Best effort: without /proc or renice (not Linux) the thread keeps the normal priority.
     */
    private static void lowerOwnPriority() {
        try {
            String threadId = Files.readSymbolicLink(Path.of("/proc/thread-self")).getFileName().toString();
            Process renice = new ProcessBuilder("renice", "-n", Integer.toString(NICENESS), "-p", threadId)
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!renice.waitFor(5, TimeUnit.SECONDS) || renice.exitValue() != 0) {
                LOG.debug("renice did not lower the priority of thread {}", threadId);
            }
        } catch (IOException | UnsupportedOperationException notLinux) {
            LOG.debug("Password hashing runs at normal priority: {}", notLinux.toString());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** Runs the work on one of these threads; the stage completes there, with its result or its failure. */
    public <T> CompletionStage<T> run(Callable<T> work) {
        CompletableFuture<T> result = new CompletableFuture<>();
        pool.execute(() -> {
            try {
                result.complete(work.call());
            } catch (Throwable failure) {
                result.completeExceptionally(failure);
            }
        });
        return result;
    }
}
