package dev.gatehouse.application;

import dev.gatehouse.domain.Channel;
import dev.gatehouse.domain.Password;
import dev.gatehouse.domain.PasswordPolicy;
import dev.gatehouse.domain.Session;
import dev.gatehouse.domain.SessionPolicy;
import dev.gatehouse.domain.Username;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ChangeOwnPasswordTest {

    private static final SessionPolicy POLICY = new SessionPolicy(Duration.ofMinutes(30), Duration.ofHours(8));
    private static final String OLD = "correct horse battery staple";
    private static final String NEW = "a brand new passphrase";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T09:00:00Z"));
    private final FakeSessions sessions = new FakeSessions();
    private final FakeAccounts accounts = new FakeAccounts();
    private final FakeThrottle throttle = new FakeThrottle();
    private final Greet greet = new Greet(sessions, accounts, event -> { }, POLICY, clock);
    private final ChangeOwnPassword changeOwnPassword = new ChangeOwnPassword(greet, sessions, throttle, accounts, FakeBlocklist.REPEATS,
            event -> { }, clock);

    ChangeOwnPasswordTest() {
        accounts.put(new Username("alice"), OLD);
    }

    private static <T> T done(CompletionStage<T> stage) {
        return stage.toCompletableFuture().join();
    }

    private Session aliceSession() {
        long version = accounts.accounts.get(new Username("alice")).version();
        Session session = Session.startAnonymous(Channel.WEB, clock.instant()).loggedInAs(new Username("alice"), version, clock.instant());
        done(sessions.save(session));
        return session;
    }

    private ChangeOwnPasswordResult change(Session session, String current, String fresh) {
        return done(changeOwnPassword.change(new ChangeOwnPasswordCommand(Optional.of(session.id()), session.csrfToken().value(),
                Password.of(current), Password.of(fresh), "198.51.100.1")));
    }

    private boolean greets(Session session) {
        return done(greet.greet(Optional.of(session.id()))) instanceof Greeting.Welcome;
    }

    @Test
    void givenTheRightCurrentPassword_thenThisSessionGoesOnUnderANewIdAndEveryOtherEnds() {
        Session here = aliceSession();
        Session elsewhere = aliceSession();
        Session renewed = assertInstanceOf(ChangeOwnPasswordResult.Changed.class, change(here, OLD, NEW)).session();
        assertNotEquals(here.id(), renewed.id());
        assertTrue(greets(renewed));
        assertFalse(greets(here), "the id before the change is worthless");
        assertFalse(greets(elsewhere), "every other session of the user ends");
        assertEquals(NEW, accounts.accounts.get(new Username("alice")).password());
        assertEquals(List.of("alice from 198.51.100.1: SUCCEEDED"), throttle.settled);
    }

    @Test
    void givenAWrongCurrentPasswordAWeakNewOneOrAThrottle_thenNothingChanges() {
        Session here = aliceSession();
        assertInstanceOf(ChangeOwnPasswordResult.WrongPassword.class, change(here, "not my password at all", NEW));
        assertEquals(List.of("alice from 198.51.100.1: FAILED"), throttle.settled, "a wrong current password counts like a failed login");
        assertEquals(PasswordPolicy.Problem.COMMON,
                assertInstanceOf(ChangeOwnPasswordResult.WeakPassword.class, change(here, OLD, "passwordpasswordpassword")).problem());
        throttle.wait = Duration.ofSeconds(4);
        assertInstanceOf(ChangeOwnPasswordResult.Throttled.class, change(here, OLD, NEW));
        assertEquals(OLD, accounts.accounts.get(new Username("alice")).password());
        assertTrue(greets(here));
    }

    @Test
    void givenNoSessionOrAForeignToken_thenNothingIsChecked() {
        Session here = aliceSession();
        ChangeOwnPasswordResult forged = done(changeOwnPassword.change(new ChangeOwnPasswordCommand(Optional.of(here.id()), "forged",
                Password.of(OLD), Password.of(NEW), "198.51.100.1")));
        assertInstanceOf(ChangeOwnPasswordResult.FormExpired.class, forged);
        ChangeOwnPasswordResult anonymous = done(changeOwnPassword.change(new ChangeOwnPasswordCommand(Optional.empty(), "x",
                Password.of(OLD), Password.of(NEW), "198.51.100.1")));
        assertInstanceOf(ChangeOwnPasswordResult.NotLoggedIn.class, anonymous);
        assertEquals(List.of(), throttle.settled);
    }
}
