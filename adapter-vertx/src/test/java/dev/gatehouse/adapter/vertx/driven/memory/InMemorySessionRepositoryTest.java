package dev.gatehouse.adapter.vertx.driven.memory;

import dev.gatehouse.application.contract.SessionRepositoryContract;
import dev.gatehouse.domain.Channel;
import dev.gatehouse.domain.Session;
import dev.gatehouse.domain.SessionEnd;
import dev.gatehouse.application.MutableClock;
import dev.gatehouse.domain.SessionPolicy;
import dev.gatehouse.domain.SessionRepository;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Field;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InMemorySessionRepositoryTest extends SessionRepositoryContract {

    private static final SessionPolicy POLICY = new SessionPolicy(Duration.ofMinutes(30), Duration.ofHours(8));

    @Override
    protected SessionRepository createRepository() {
        return new InMemorySessionRepository(POLICY, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void givenSessionsPastTheirIdleTimeout_whenReaping_thenOnlyThoseAreDropped() {
        InMemorySessionRepository repository =
                new InMemorySessionRepository(POLICY, Clock.fixed(NOW.plus(Duration.ofMinutes(31)), ZoneOffset.UTC));
        Session old = Session.startAnonymous(Channel.WEB, NOW);
        Session fresh = Session.startAnonymous(Channel.WEB, NOW.plus(Duration.ofMinutes(5)));
        done(repository.save(old));
        done(repository.save(fresh));
        assertEquals(1, repository.removeExpired());
        assertTrue(done(repository.load(old.id())).isEmpty());
        assertTrue(done(repository.load(fresh.id())).isPresent());
    }

    @Test
    void givenAnEndedSession_thenWhyIsToldForADayAndThenForgotten() {
        MutableClock clock = new MutableClock(NOW);
        InMemorySessionRepository repository = new InMemorySessionRepository(POLICY, clock);
        Session session = Session.startAnonymous(Channel.WEB, NOW).loggedInAs(new dev.gatehouse.domain.Username("alice"), 1L, NOW);
        done(repository.save(session));
        done(repository.end(session.id().storageKey(), SessionEnd.TOO_MANY_SESSIONS));
        clock.advance(SessionEnd.KEPT_FOR.minusSeconds(1));
        repository.removeExpired();
        assertEquals(Optional.of(SessionEnd.TOO_MANY_SESSIONS), done(repository.howEnded(session.id())));
        clock.advance(Duration.ofSeconds(1));
        assertEquals(Optional.empty(), done(repository.howEnded(session.id())), "a day later, it timed out as far as anyone is told");
        repository.removeExpired();
        assertEquals(Optional.empty(), done(repository.howEnded(session.id())));
    }

    @Test
    void givenAStoredSession_thenTheStoreIsKeyedByTheHashOfTheIdNotTheId() throws ReflectiveOperationException {
        InMemorySessionRepository repository = (InMemorySessionRepository) createRepository();
        Session session = Session.startAnonymous(Channel.WEB, NOW);
        done(repository.save(session));
        Field field = InMemorySessionRepository.class.getDeclaredField("sessions");
        field.setAccessible(true);
        Map<?, ?> map = (Map<?, ?>) field.get(repository);
        assertTrue(map.containsKey(session.id().storageKey()));
        assertFalse(map.containsKey(session.id().value()));
    }
}
