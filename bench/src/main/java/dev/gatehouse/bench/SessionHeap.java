package dev.gatehouse.bench;

import dev.gatehouse.adapter.vertx.driven.memory.InMemorySessionRepository;
import dev.gatehouse.domain.Channel;
import dev.gatehouse.domain.Session;
import dev.gatehouse.domain.SessionPolicy;
import dev.gatehouse.domain.Username;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Heap bytes per idle logged-in session in the embedded store: fill it with N sessions (each as a
 * login leaves it: a user, a CSRF token, no attributes), and compare the live heap after a full GC
 * with the live heap before. Run with {@code -XX:+UseSerialGC} so a GC really is full.
 */
public final class SessionHeap {

    private SessionHeap() {
    }

    public static void main(String[] args) {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        Clock clock = Clock.systemUTC();
        InMemorySessionRepository store = new InMemorySessionRepository(SessionPolicy.DEFAULT, clock);
        // A hundred distinct users, as many sessions each: names are shared the way a real store shares them.
        List<Username> users = IntStream.range(0, 100).mapToObj(i -> new Username("user" + i)).toList();

        long before = liveHeap();
        for (int i = 0; i < count; i++) {
            Instant now = clock.instant();
            store.save(Session.startAnonymous(Channel.WEB, now).loggedInAs(users.get(i % users.size()), 1L, now));
        }
        long after = liveHeap();
        if (store.size() != count) {
            throw new IllegalStateException("the store holds " + store.size() + " sessions, not " + count);
        }
        System.out.printf("sessions=%d heap_before=%d heap_after=%d bytes_per_session=%d%n",
                count, before, after, (after - before) / count);
    }

    private static long liveHeap() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
