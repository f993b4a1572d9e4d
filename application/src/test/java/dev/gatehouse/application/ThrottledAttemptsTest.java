package dev.gatehouse.application;

import dev.gatehouse.domain.AuditEvent;
import dev.gatehouse.domain.Username;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ThrottledAttemptsTest {

    private static final Username BOB = new Username("bob");

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-30T10:00:00Z"));
    private final List<AuditEvent> written = new ArrayList<>();
    private final ThrottledAttempts audit = new ThrottledAttempts(written::add, clock);

    private void refused(String client, Duration retryAfter) {
        audit.record(new AuditEvent(AuditEvent.Kind.LOGIN_THROTTLED, BOB, null, client, ThrottledAttempts.detail(retryAfter)));
    }

    @Test
    void givenThousandsOfRefusalsInOneWindow_thenOneLineAtOnceAndOneCountAfterTheWindow() {
        for (int i = 0; i < 40_000; i++) {
            refused("203.0.113.7", Duration.ofSeconds(32));
        }
        assertEquals(List.of(new AuditEvent(AuditEvent.Kind.LOGIN_THROTTLED, BOB, null, "203.0.113.7", "retry after 32 s")), written);

        audit.drain();
        assertEquals(1, written.size(), "the window has not passed yet");
        clock.advance(Duration.ofSeconds(32));
        audit.drain();
        assertEquals(new AuditEvent(AuditEvent.Kind.LOGIN_THROTTLED, BOB, null, "203.0.113.7", "39999 more refused until 2026-11-30T10:00:32Z"),
                written.get(1));
        audit.drain();
        assertEquals(2, written.size());
    }

    @Test
    void givenANewWindow_thenThePreviousCountIsWrittenBeforeItsFirstRefusal_andClientsAreApart() {
        refused("203.0.113.7", Duration.ofSeconds(2));
        refused("203.0.113.7", Duration.ofSeconds(2));
        refused("198.51.100.2", Duration.ofSeconds(2));
        clock.advance(Duration.ofSeconds(3));
        refused("203.0.113.7", Duration.ofSeconds(4));

        assertEquals(List.of("retry after 2 s", "retry after 2 s", "1 more refused until 2026-11-30T10:00:02Z", "retry after 4 s"),
                written.stream().map(AuditEvent::detail).toList());
    }

    @Test
    void givenAnyOtherEvent_thenItPassesStraightThrough() {
        AuditEvent failed = new AuditEvent(AuditEvent.Kind.LOGIN_FAILED, BOB, null, "203.0.113.7", null);
        audit.record(failed);
        audit.record(failed);
        assertEquals(List.of(failed, failed), written);
    }
}
