package dev.gatehouse.application.contract;

import dev.gatehouse.domain.Channel;
import dev.gatehouse.domain.Session;
import dev.gatehouse.domain.SessionEnd;
import dev.gatehouse.domain.SessionRepository;
import dev.gatehouse.domain.Username;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What every session store must do; each implementation runs these tests against its real backend. */
public abstract class SessionRepositoryContract {

    protected static final Instant NOW = Instant.parse("2026-01-01T09:00:00Z");

    private SessionRepository repository;

    protected abstract SessionRepository createRepository();

    @BeforeEach
    protected void setUp() {
        repository = createRepository();
    }

    protected static <T> T done(CompletionStage<T> stage) {
        return stage.toCompletableFuture().join();
    }

    @Test
    protected void givenASavedSession_whenLoadedById_thenItComesBackWhole() {
        Instant precise = NOW.plusNanos(123_456_789);
        Session session = Session.startAnonymous(Channel.WEB, NOW).withAttribute("theme", "dark").loggedInAs(new Username("alice"), 1L, NOW)
                .touchedAt(precise);
        done(repository.save(session));
        Session loaded = done(repository.load(session.id())).orElseThrow();
        assertEquals(session.id(), loaded.id());
        assertEquals(session.user(), loaded.user());
        assertEquals(session.channel(), loaded.channel());
        assertEquals(session.csrfToken(), loaded.csrfToken());
        assertEquals(session.attributes(), loaded.attributes());
        assertEquals(session.createdAt(), loaded.createdAt());
        assertEquals(session.lastSeenAt(), loaded.lastSeenAt());
    }

    @Test
    protected void givenAnUnknownId_thenNothingIsLoaded() {
        assertTrue(done(repository.load(Session.startAnonymous(Channel.WEB, NOW).id())).isEmpty());
    }

    @Test
    protected void givenADeletedSession_thenNoTouchOrAttributeBringsItBack() {
        Session session = Session.startAnonymous(Channel.WEB, NOW);
        done(repository.save(session));
        done(repository.delete(session.id()));
        assertFalse(done(repository.touch(session.id(), NOW.plusSeconds(60))));
        assertFalse(done(repository.putAttribute(session.id(), "theme", "dark")));
        assertTrue(done(repository.load(session.id())).isEmpty());
    }

    @Test
    protected void givenAStoredSession_thenATouchMovesItsLastSeenTimeForwardOnly() {
        Session session = Session.startAnonymous(Channel.WEB, NOW);
        done(repository.save(session));
        assertTrue(done(repository.touch(session.id(), NOW.plusSeconds(60))));
        assertTrue(done(repository.touch(session.id(), NOW.plusSeconds(30))), "a late, older touch finds the session");
        assertEquals(NOW.plusSeconds(60), done(repository.load(session.id())).orElseThrow().lastSeenAt(), "but does not move it back");
    }

    @Test
    protected void givenParallelAttributeWritesAndTouchesOnOneSession_thenNoneIsLost() throws Exception {
        Session session = Session.startAnonymous(Channel.WEB, NOW).loggedInAs(new Username("alice"), 1L, NOW);
        done(repository.save(session));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> writes = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            int n = i;
            writes.add(pool.submit(() -> {
                start.await();
                return n % 2 == 0
                        ? done(repository.putAttribute(session.id(), "item" + n, "value" + n))
                        : done(repository.touch(session.id(), NOW.plusSeconds(n)));
            }));
        }
        start.countDown();
        for (Future<Boolean> write : writes) {
            assertTrue(write.get(10, TimeUnit.SECONDS));
        }
        pool.shutdown();
        Session after = done(repository.load(session.id())).orElseThrow();
        assertEquals(100, after.attributes().keySet().stream().filter(name -> !Session.isReserved(name)).count(), "every attribute written in parallel is there");
        assertEquals(NOW.plusSeconds(199), after.lastSeenAt(), "the latest touch wins, whatever the order");
        assertEquals(session.user(), after.user());
        assertEquals(session.csrfToken(), after.csrfToken());
    }

    @Test
    protected void givenLoggedInSessions_thenTheyAreListedByUserWithoutTheAnonymousOnes() {
        Session alice = Session.startAnonymous(Channel.TERMINAL, NOW).loggedInAs(new Username("alice"), 1L, NOW);
        Session bob = Session.startAnonymous(Channel.WEB, NOW).loggedInAs(new Username("bob"), 1L, NOW);
        done(repository.save(alice));
        done(repository.save(bob));
        done(repository.save(Session.startAnonymous(Channel.WEB, NOW)));

        assertEquals(Set.of(alice.summary(), bob.summary()), Set.copyOf(done(repository.listLoggedIn(Optional.empty()))));
        assertEquals(List.of(alice.summary()), done(repository.listLoggedIn(Optional.of(new Username("alice")))));
        assertEquals(List.of(), done(repository.listLoggedIn(Optional.of(new Username("carol")))));
    }

    @Test
    protected void givenAStorageKey_thenEndEndsThatSessionOnlyAndKeepsWhy() {
        Session alice = Session.startAnonymous(Channel.WEB, NOW).loggedInAs(new Username("alice"), 1L, NOW);
        Session bob = Session.startAnonymous(Channel.WEB, NOW).loggedInAs(new Username("bob"), 1L, NOW);
        done(repository.save(alice));
        done(repository.save(bob));

        assertTrue(done(repository.end(alice.summary().storageKey(), SessionEnd.ENDED_BY_ADMINISTRATOR)));
        assertTrue(done(repository.load(alice.id())).isEmpty());
        assertTrue(done(repository.load(bob.id())).isPresent());
        assertEquals(Optional.of(SessionEnd.ENDED_BY_ADMINISTRATOR), done(repository.howEnded(alice.id())));
        assertEquals(Optional.empty(), done(repository.howEnded(bob.id())), "a live session has not ended");
        assertFalse(done(repository.end(alice.summary().storageKey(), SessionEnd.LOGGED_OUT)), "nothing left to end");
        assertEquals(Optional.of(SessionEnd.ENDED_BY_ADMINISTRATOR), done(repository.howEnded(alice.id())), "the first reason stands");
    }

    @Test
    protected void givenADeleteOrAnUnknownKey_thenNoReasonIsKept() {
        Session replaced = Session.startAnonymous(Channel.WEB, NOW).loggedInAs(new Username("alice"), 1L, NOW);
        done(repository.save(replaced));
        done(repository.delete(replaced.id()));
        assertEquals(Optional.empty(), done(repository.howEnded(replaced.id())), "a replaced session leaves nothing to tell");
        Session never = Session.startAnonymous(Channel.WEB, NOW);
        assertFalse(done(repository.end(never.id().storageKey(), SessionEnd.LOGGED_OUT)));
        assertEquals(Optional.empty(), done(repository.howEnded(never.id())), "nothing is written for a session that was not there");
    }
}
