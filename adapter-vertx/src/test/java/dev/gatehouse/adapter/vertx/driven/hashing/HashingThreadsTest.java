package dev.gatehouse.adapter.vertx.driven.hashing;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class HashingThreadsTest {

    /** The kernel's nice value of the calling thread, from /proc (field 19 of its stat line). */
    private static int niceOfThisThread() throws Exception {
        String stat = Files.readString(Path.of("/proc/thread-self/stat"));
        return Integer.parseInt(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[16]);
    }

    @Test
    void givenWork_thenItRunsOffTheCallingThreadAtALowerCpuPriority() throws Exception {
        assumeTrue(Files.exists(Path.of("/proc/thread-self")), "thread priorities are lowered on Linux only");
        int callerNice = niceOfThisThread();
        HashingThreads threads = new HashingThreads(1);

        int workerNice = threads.run(HashingThreadsTest::niceOfThisThread).toCompletableFuture().join();
        String workerName = threads.run(() -> Thread.currentThread().getName()).toCompletableFuture().join();

        assumeTrue(callerNice < 19, "the tests already run at the lowest priority");
        assertTrue(workerNice >= HashingThreads.NICENESS && workerNice > callerNice, "nice " + workerNice);
        assertEquals("gatehouse-password-hashing-1", workerName);
    }
}
