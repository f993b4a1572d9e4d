package dev.gatehouse.domain;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SessionTest {

    private static final Instant T0 = Instant.parse("2026-01-01T09:00:00Z");
    private static final SessionPolicy POLICY = new SessionPolicy(Duration.ofMinutes(30), Duration.ofHours(8));

    @Test
    void givenNoRequestForTheIdleTimeout_thenTheSessionHasExpired() {
        Session session = Session.startAnonymous(Channel.WEB, T0);
        assertFalse(session.isExpiredAt(T0.plus(Duration.ofMinutes(30)).minusMillis(1), POLICY));
        assertTrue(session.isExpiredAt(T0.plus(Duration.ofMinutes(30)), POLICY));
    }

    @Test
    void givenConstantActivity_thenTheAbsoluteTimeoutStillEndsTheSession() {
        Session session = Session.startAnonymous(Channel.WEB, T0);
        Instant now = T0;
        while (now.isBefore(T0.plus(Duration.ofHours(8)))) {
            assertFalse(session.isExpiredAt(now, POLICY));
            now = now.plus(Duration.ofMinutes(20));
            session = session.touchedAt(now);
        }
        assertTrue(session.isExpiredAt(now, POLICY));
        assertEquals(T0.plus(Duration.ofHours(8)), session.expiresAt(POLICY));
    }

    @Test
    void givenARecentTouch_thenNoNewTouchIsNeededUntilTheIntervalPasses() {
        Session session = Session.startAnonymous(Channel.WEB, T0);
        assertEquals(Duration.ofMinutes(1), POLICY.touchInterval());
        assertFalse(session.needsTouchAt(T0.plusSeconds(59), POLICY));
        assertTrue(session.needsTouchAt(T0.plusSeconds(60), POLICY));
        assertEquals(Duration.ofMillis(300), new SessionPolicy(Duration.ofSeconds(3), Duration.ofHours(1)).touchInterval());
    }

    @Test
    void givenLogin_thenTheSessionGetsANewIdAndTokenButKeepsItsAttributes() {
        Session before = Session.startAnonymous(Channel.WEB, T0).withAttribute("cart", "3 apples");
        Session after = before.loggedInAs(new Username("alice"), 1L, T0.plusSeconds(5));
        assertNotEquals(before.id(), after.id());
        assertNotEquals(before.csrfToken().value(), after.csrfToken().value());
        assertEquals(Map.of("cart", "3 apples"), after.attributes());
        assertEquals("alice", after.user().orElseThrow().value());
        assertEquals(T0.plusSeconds(5), after.createdAt(), "the absolute timeout counts from login");
        assertFalse(before.isLoggedIn());
    }
}
