package dev.gatehouse.app;

import io.vertx.core.Vertx;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.stream.IntStream;

/**
 * What a Redis failover loses, measured: clients log in at once, over and over, and a master is
 * killed (SIGKILL, no time to hand anything over) while they do; they go on until logins succeed
 * again. Then every login the server acknowledged is asked to be greeted. Redis replicates
 * asynchronously, so a session the old master acknowledged but had not yet sent to its replica is
 * gone; a login acknowledged after the kill went to the new master.
 */
final class LoginsThroughAFailover {

    private static final int CLIENTS = 4;
    /** Logins acknowledged before the master is killed, so that writes are in flight when it dies. */
    private static final int BEFORE = 24;
    /** Logins acknowledged after the kill that show the store came back. */
    private static final int AFTER = 12;
    /**
     * Each user gets at most this many logins acknowledged (and a few more in flight), under the
     * cap of 20 sessions per user, so that none is ended for being one too many.
     */
    private static final int PER_USER = 16;

    /** What was measured; {@code lostAfterKill} must be 0. */
    record Measured(int acknowledged, int lost, int acknowledgedAfterKill, int lostAfterKill, int refused, long backAfterMillis) {
        @Override
        public String toString() {
            return acknowledged + " logins acknowledged, " + lost + " of them lost (" + lostAfterKill + " of the " + acknowledgedAfterKill
                    + " acknowledged after the kill); " + refused + " refused with 503 meanwhile; the first login after the kill succeeded "
                    + backAfterMillis + " ms after it";
        }
    }

    private record Login(Browser browser, String user, boolean afterKill) {
    }

    /**
     * @param users    users who may log in with {@code password}: at least 5, so that none needs more than {@value PER_USER} sessions
     * @param killMaster kills the master, the test's own way
     */
    static Measured measure(Vertx vertx, TestServer server, List<String> users, String password, Runnable killMaster) throws InterruptedException {
        List<Login> acknowledged = new ArrayList<>();
        AtomicInteger refused = new AtomicInteger();
        AtomicInteger next = new AtomicInteger();
        AtomicIntegerArray held = new AtomicIntegerArray(users.size());
        AtomicBoolean killed = new AtomicBoolean();
        AtomicLong killedAt = new AtomicLong();
        AtomicLong backAt = new AtomicLong();
        AtomicBoolean stop = new AtomicBoolean();
        CountDownLatch before = new CountDownLatch(BEFORE);
        CountDownLatch after = new CountDownLatch(AFTER);
        List<Throwable> failures = new ArrayList<>();
        List<Thread> clients = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            Thread client = new Thread(() -> {
                try {
                    while (!stop.get()) {
                        int who = next.getAndIncrement() % users.size();
                        if (held.get(who) >= PER_USER) {
                            if (IntStream.range(0, users.size()).allMatch(u -> held.get(u) >= PER_USER)) {
                                return;
                            }
                            continue;
                        }
                        String user = users.get(who);
                        boolean afterKill = killed.get();
                        Browser browser = new Browser(vertx, server.port());
                        var form = browser.get("/login");
                        int status = form.statusCode() != 200 ? form.statusCode()
                                : browser.post("/login", Map.of("username", user, "password", password, "csrf", Browser.csrfOf(form))).statusCode();
                        if (status == 303) {
                            held.incrementAndGet(who);
                            synchronized (acknowledged) {
                                acknowledged.add(new Login(browser, user, afterKill));
                            }
                            if (afterKill) {
                                backAt.compareAndSet(0, System.nanoTime());
                            }
                            (afterKill ? after : before).countDown();
                        } else if (status == 503) {
                            refused.incrementAndGet();
                        } else {
                            throw new AssertionError("a login during the failover got " + status + ", not 303 or 503");
                        }
                    }
                } catch (Throwable failed) {
                    synchronized (failures) {
                        failures.add(failed);
                    }
                    before.countDown();
                    after.countDown();
                }
            }, "login-client-" + c);
            clients.add(client);
            client.start();
        }
        // Bounds stop a hung test; the test waits for the logins themselves.
        if (!before.await(2, TimeUnit.MINUTES)) {
            throw new AssertionError("the logins before the kill never happened");
        }
        killedAt.set(System.nanoTime());
        killed.set(true);
        killMaster.run();
        boolean recovered = after.await(2, TimeUnit.MINUTES);
        stop.set(true);
        for (Thread client : clients) {
            client.join();
        }
        if (!failures.isEmpty()) {
            throw new AssertionError("a client failed", failures.get(0));
        }
        if (!recovered) {
            throw new AssertionError("logins did not come back after the failover without a restart");
        }
        int lost = 0;
        int afterKill = 0;
        int lostAfterKill = 0;
        for (Login login : acknowledged) {
            boolean greeted = login.browser().get("/").bodyAsString().contains("Hello, " + login.user() + "!");
            lost += greeted ? 0 : 1;
            afterKill += login.afterKill() ? 1 : 0;
            lostAfterKill += login.afterKill() && !greeted ? 1 : 0;
        }
        return new Measured(acknowledged.size(), lost, afterKill, lostAfterKill, refused.get(),
                TimeUnit.NANOSECONDS.toMillis(backAt.get() - killedAt.get()));
    }

    private LoginsThroughAFailover() {
    }
}
