package dev.gatehouse.application;

import dev.gatehouse.domain.AuditEvent;
import dev.gatehouse.domain.Channel;
import dev.gatehouse.domain.RememberMeToken;
import dev.gatehouse.domain.Session;
import dev.gatehouse.domain.SessionPolicy;
import dev.gatehouse.domain.Username;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RememberMeTest {

    private static final Username ALICE = new Username("alice");

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T09:00:00Z"));
    private final FakeSessions sessions = new FakeSessions();
    private final FakeRememberedLogins logins = new FakeRememberedLogins(clock);
    private final List<AuditEvent> audit = new ArrayList<>();
    private final Map<Username, Long> versions = new HashMap<>(Map.of(ALICE, 7L));
    private final FakeThrottle throttle = new FakeThrottle();
    private final RememberMe rememberMe = new RememberMe(logins, sessions, user -> CompletableFuture.completedFuture(
            versions.containsKey(user) ? OptionalLong.of(versions.get(user)) : OptionalLong.empty()), new FakeAccounts().demands(), throttle, audit::add, Duration.ofDays(30),
            SessionPolicy.DEFAULT, clock);

    private static <T> T done(CompletionStage<T> stage) {
        return stage.toCompletableFuture().join();
    }

    private Session aliceLoggedIn() {
        Session session = Session.startAnonymous(Channel.WEB, clock.instant()).loggedInAs(ALICE, 7L, clock.instant());
        done(sessions.save(session));
        return session;
    }

    @Test
    void givenARememberedLogin_thenItRestoresANotFreshSessionAndRotatesTheValidator() {
        Session fresh = aliceLoggedIn();
        RememberMeToken token = done(rememberMe.remember(fresh, "203.0.113.7"));
        assertTrue(fresh.isFresh());
        assertFalse(logins.stored.get(token.selectorKey()).validatorHash().contains(token.cookieValue().substring(44)), "only a hash is stored");
        assertTrue(token.matches(logins.stored.get(token.selectorKey()).validatorHash()));

        clock.advance(Duration.ofDays(3));
        var restored = assertInstanceOf(RememberMe.Restoration.Restored.class, done(rememberMe.restore(token, "203.0.113.7", "Firefox on Linux")));

        assertEquals(ALICE, restored.session().user().orElseThrow());
        assertFalse(restored.session().isFresh(), "a restored session is not fresh");
        assertEquals("Firefox on Linux", restored.session().device());
        assertTrue(sessions.stored.containsKey(restored.session().id()));
        assertEquals(token.selectorKey(), restored.token().selectorKey());
        assertNotEquals(token.cookieValue(), restored.token().cookieValue(), "the validator changed");
        assertTrue(restored.token().matches(logins.stored.get(token.selectorKey()).validatorHash()));
        assertEquals(List.of(AuditEvent.Kind.LOGIN_REMEMBERED, AuditEvent.Kind.SESSION_RESTORED), audit.stream().map(AuditEvent::kind).toList());
    }

    @Test
    void givenAValidatorUsedTwice_thenEverySessionAndRememberedLoginOfTheUserEnds() {
        Session fresh = aliceLoggedIn();
        Session elsewhere = aliceLoggedIn();
        RememberMeToken token = done(rememberMe.remember(fresh, "203.0.113.7"));
        RememberMeToken other = done(rememberMe.remember(elsewhere, "198.51.100.2"));
        var thief = assertInstanceOf(RememberMe.Restoration.Restored.class, done(rememberMe.restore(token, "192.0.2.66", "curl")));
        clock.advance(Duration.ofMinutes(5));

        // The real browser comes back with the validator the thief already used.
        assertInstanceOf(RememberMe.Restoration.Stolen.class, done(rememberMe.restore(token, "203.0.113.7", "Firefox on Linux")));

        assertTrue(sessions.stored.isEmpty(), "the thief's session, and every other of alice's, has ended");
        assertTrue(logins.stored.isEmpty());
        assertInstanceOf(RememberMe.Restoration.NotRestored.class, done(rememberMe.restore(thief.token(), "192.0.2.66", "curl")));
        assertInstanceOf(RememberMe.Restoration.NotRestored.class, done(rememberMe.restore(other, "198.51.100.2", "Safari")));
        assertTrue(audit.stream().anyMatch(event -> event.kind() == AuditEvent.Kind.REMEMBERED_LOGIN_STOLEN));
    }

    @Test
    void givenAKnownSelectorWithAValidatorNeverIssued_thenItIsAFailedLoginAndNothingEnds() {
        Session fresh = aliceLoggedIn();
        RememberMeToken token = done(rememberMe.remember(fresh, "203.0.113.7"));
        RememberMeToken guessed = token.rotated();

        assertInstanceOf(RememberMe.Restoration.NotRestored.class, done(rememberMe.restore(guessed, "192.0.2.66", "curl")));

        assertTrue(sessions.stored.containsKey(fresh.id()), "knowing a selector is no way to log alice out");
        assertTrue(logins.stored.containsKey(token.selectorKey()));
        assertEquals(List.of("alice from 192.0.2.66: FAILED"), throttle.settled);
        assertTrue(audit.stream().anyMatch(event -> event.kind() == AuditEvent.Kind.LOGIN_FAILED));
        assertInstanceOf(RememberMe.Restoration.Restored.class, done(rememberMe.restore(token, "203.0.113.7", "Firefox on Linux")));
    }

    @Test
    void givenTwoTabsRacingTheRotation_thenTheLoserGetsNoSessionAndNobodyIsLoggedOut() {
        RememberMeToken token = done(rememberMe.remember(aliceLoggedIn(), "203.0.113.7"));
        var first = assertInstanceOf(RememberMe.Restoration.Restored.class, done(rememberMe.restore(token, "203.0.113.7", "tab 1")));
        clock.advance(Duration.ofSeconds(2));

        assertInstanceOf(RememberMe.Restoration.NotRestored.class, done(rememberMe.restore(token, "203.0.113.7", "tab 2")));

        assertTrue(sessions.stored.containsKey(first.session().id()));
        assertTrue(first.token().matches(logins.stored.get(token.selectorKey()).validatorHash()));
    }

    @Test
    void givenAPasswordChangeOrADisabledUser_thenTheRememberedLoginIsWorthlessAndForgotten() {
        RememberMeToken token = done(rememberMe.remember(aliceLoggedIn(), "203.0.113.7"));
        versions.put(ALICE, 8L);

        assertInstanceOf(RememberMe.Restoration.NotRestored.class, done(rememberMe.restore(token, "203.0.113.7", "Firefox on Linux")));
        assertTrue(logins.stored.isEmpty());

        versions.put(ALICE, 8L);
        RememberMeToken again = done(rememberMe.remember(Session.startAnonymous(Channel.WEB, clock.instant()).loggedInAs(ALICE, 8L, clock.instant()), "x"));
        versions.remove(ALICE);
        assertInstanceOf(RememberMe.Restoration.NotRestored.class, done(rememberMe.restore(again, "203.0.113.7", "Firefox on Linux")));
    }

    @Test
    void givenLogout_thenThisBrowsersRememberedLoginIsForgotten() {
        Session session = aliceLoggedIn();
        RememberMeToken token = done(rememberMe.remember(session, "203.0.113.7"));

        LogOut logOut = new LogOut(sessions, logins, audit::add, SessionPolicy.DEFAULT, clock);
        done(logOut.logOut(new LogOutCommand(Optional.of(session.id()), session.csrfToken().value(), Optional.of(token))));

        assertInstanceOf(RememberMe.Restoration.NotRestored.class, done(rememberMe.restore(token, "203.0.113.7", "Firefox on Linux")));
        assertTrue(sessions.stored.values().stream().noneMatch(stored -> !stored.isFresh()));
    }
}
