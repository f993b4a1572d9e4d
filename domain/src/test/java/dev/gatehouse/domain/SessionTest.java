package dev.gatehouse.domain;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

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
        assertEquals(Optional.of("3 apples"), after.applicationAttribute("cart"));
        assertEquals(AuthMethod.PASSWORD, after.authMethod());
        assertEquals(T0.plusSeconds(5), after.authenticatedAt());
        assertEquals("alice", after.user().orElseThrow().value());
        assertEquals(T0.plusSeconds(5), after.createdAt(), "the absolute timeout counts from login");
        assertFalse(before.isLoggedIn());
    }

    @Test
    void givenARightPasswordOfAnAccountWithASecondFactor_thenAHalfWaySessionThatIsNobodyAndEndsInFiveMinutes() {
        Session form = Session.startAnonymous(Channel.WEB, T0).withAttribute("cart", "3 apples");
        Session halfway = form.awaitingSecondFactor(new Username("alice"), 7L, T0.plusSeconds(5));
        assertNotEquals(form.id(), halfway.id());
        assertNotEquals(form.csrfToken().value(), halfway.csrfToken().value());
        assertFalse(halfway.isLoggedIn(), "greets nobody");
        assertEquals(Optional.of(new PendingLogin(new Username("alice"), 7L)), halfway.pendingLogin());
        assertEquals(T0.plusSeconds(5).plus(Session.SECOND_FACTOR_TIME), halfway.expiresAt(POLICY));
        assertTrue(halfway.isExpiredAt(T0.plusSeconds(5).plus(Duration.ofMinutes(5)), POLICY));

        Session in = halfway.loggedInAs(new Username("alice"), 7L, AuthMethod.PASSWORD_AND_CODE, T0.plusSeconds(30));
        assertEquals(Optional.empty(), in.pendingLogin());
        assertEquals(AuthMethod.PASSWORD_AND_CODE, in.authMethod());
        assertTrue(in.authMethod().multiFactor());
        assertEquals(Optional.of("3 apples"), in.applicationAttribute("cart"));
        assertEquals(T0.plusSeconds(30).plus(POLICY.idleTimeout()), in.expiresAt(POLICY), "a whole session's timeouts once logged in");
    }

    @Test
    void givenALogin_thenSensitiveChangesNeedItWithinTenMinutesOrARecheck() {
        Session in = Session.startAnonymous(Channel.WEB, T0).loggedInAs(new Username("alice"), 1L, T0);
        assertTrue(in.isRecentlyAuthenticated(T0.plus(Session.RECHECK_AFTER)));
        assertFalse(in.isRecentlyAuthenticated(T0.plus(Session.RECHECK_AFTER).plusSeconds(1)));
        Session rechecked = in.reauthenticated(T0.plus(Duration.ofHours(1)));
        assertTrue(rechecked.isRecentlyAuthenticated(T0.plus(Duration.ofHours(1)).plusSeconds(1)));
        assertEquals(AuthMethod.PASSWORD, rechecked.authMethod());

        Session remembered = Session.startAnonymous(Channel.WEB, T0).loggedInAs(new Username("alice"), 1L, AuthMethod.REMEMBERED, T0);
        assertFalse(remembered.isFresh());
        assertFalse(remembered.isRecentlyAuthenticated(T0), "nobody typed anything");
        assertEquals(AuthMethod.PASSWORD, remembered.reauthenticated(T0).authMethod(), "a password typed makes it a password login");
        assertFalse(Session.startAnonymous(Channel.WEB, T0).withAttribute("gatehouse.restored", "true").isFresh(), "a session stored before the method was");
    }
}
