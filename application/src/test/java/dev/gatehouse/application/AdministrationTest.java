package dev.gatehouse.application;

import dev.gatehouse.domain.AuditEvent;
import dev.gatehouse.domain.Channel;
import dev.gatehouse.domain.Password;
import dev.gatehouse.domain.PasswordPolicy;
import dev.gatehouse.domain.Session;
import dev.gatehouse.domain.SessionPolicy;
import dev.gatehouse.domain.SessionSummary;
import dev.gatehouse.domain.UserSummary;
import dev.gatehouse.domain.Username;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.OptionalLong;
import java.util.Map;
import java.util.HashMap;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The use cases an administrator drives from the terminal: changing users, listing and revoking sessions. */
class AdministrationTest {

    private static final SessionPolicy POLICY = new SessionPolicy(Duration.ofMinutes(30), Duration.ofHours(8));

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T09:00:00Z"));
    private final FakeAccounts accounts = new FakeAccounts();
    private final List<AuditEvent> audit = new ArrayList<>();
    private final FakeSessions sessions = new FakeSessions();
    /** Every user's credential version: 1, as the sessions below were logged in with, until a test changes one. */
    private final Map<Username, Long> versions = new HashMap<>();
    private final ListSessions listSessions = new ListSessions(sessions,
            user -> CompletableFuture.completedFuture(OptionalLong.of(versions.getOrDefault(user, 1L))), audit::add, POLICY, clock);
    private final RevokeSessions revokeSessions = new RevokeSessions(listSessions, sessions, new FakeRememberedLogins(clock), audit::add);

    private static <T> T done(CompletionStage<T> stage) {
        return stage.toCompletableFuture().join();
    }

    private void addBob() {
        done(new AddUser(accounts, FakeBlocklist.REPEATS, audit::add).add("bob", Password.of("a long enough passphrase")));
    }

    private Session loggedIn(String user, Channel channel) {
        Session session = Session.startAnonymous(channel, clock.instant()).loggedInAs(new Username(user), 1L, clock.instant());
        done(sessions.save(session));
        return session;
    }

    @Test
    void givenChangePassword_thenTheNewPasswordMustMeetThePolicyAndTheUserMustExist() {
        addBob();
        ChangePassword changePassword = new ChangePassword(accounts, FakeBlocklist.REPEATS, audit::add);
        assertInstanceOf(UserChangeResult.Changed.class, done(changePassword.change("bob", Password.of("another long passphrase"))));
        assertEquals("another long passphrase", accounts.accounts.get(new Username("bob")).password());
        assertEquals(PasswordPolicy.Problem.TOO_SHORT,
                assertInstanceOf(UserChangeResult.WeakPassword.class, done(changePassword.change("bob", Password.of("short")))).problem());
        assertEquals(PasswordPolicy.Problem.COMMON, assertInstanceOf(UserChangeResult.WeakPassword.class,
                done(changePassword.change("bob", Password.of("passwordpasswordpassword")))).problem());
        assertInstanceOf(UserChangeResult.NoSuchUser.class, done(changePassword.change("nobody", Password.of("another long passphrase"))));
        assertInstanceOf(UserChangeResult.NoSuchUser.class, done(changePassword.change("bad\nname", Password.of("another long passphrase"))));
    }

    @Test
    void givenDisableAndEnable_thenTheListShowsIt() {
        addBob();
        SetUserEnabled setUserEnabled = new SetUserEnabled(accounts, audit::add);
        ListUsers listUsers = new ListUsers(accounts);
        assertInstanceOf(UserChangeResult.Changed.class, done(setUserEnabled.set("bob", false)));
        assertEquals(List.of(new UserSummary(new Username("bob"), true)), done(listUsers.list()));
        assertInstanceOf(UserChangeResult.Changed.class, done(setUserEnabled.set("bob", true)));
        assertEquals(List.of(new UserSummary(new Username("bob"), false)), done(listUsers.list()));
        assertInstanceOf(UserChangeResult.NoSuchUser.class, done(setUserEnabled.set("carol", false)));
    }

    @Test
    void givenRemoveUser_thenTheUserIsGoneAndASecondRemoveFindsNobody() {
        addBob();
        RemoveUser removeUser = new RemoveUser(accounts, audit::add);
        assertInstanceOf(UserChangeResult.Changed.class, done(removeUser.remove("bob")));
        assertTrue(done(new ListUsers(accounts).list()).isEmpty());
        assertInstanceOf(UserChangeResult.NoSuchUser.class, done(removeUser.remove("bob")));
    }

    @Test
    void givenSessions_thenOnlyLiveLoggedInOnesAreListedByUserThenAge() {
        Session bobWeb = loggedIn("bob", Channel.WEB);
        done(sessions.save(Session.startAnonymous(Channel.WEB, clock.instant())));
        clock.advance(Duration.ofMinutes(1));
        Session aliceTerminal = loggedIn("alice", Channel.TERMINAL);
        Session bobTerminal = loggedIn("bob", Channel.TERMINAL);

        List<SessionSummary> all = done(listSessions.list(Optional.empty()));
        assertEquals(List.of(aliceTerminal.summary(), bobWeb.summary(), bobTerminal.summary()), all);
        assertEquals(List.of(bobWeb.summary(), bobTerminal.summary()), done(listSessions.list(Optional.of("bob"))));
        assertTrue(done(listSessions.list(Optional.of("bad\nname"))).isEmpty());

        clock.advance(Duration.ofMinutes(29));
        assertEquals(List.of(aliceTerminal.summary(), bobTerminal.summary()), done(listSessions.list(Optional.empty())),
                "bob's web session has been idle for 30 minutes");
    }

    @Test
    void givenAHandlePrefix_thenExactlyTheSessionItNamesIsRevoked() {
        Session alice = loggedIn("alice", Channel.TERMINAL);
        Session bob = loggedIn("bob", Channel.WEB);
        String handle = alice.summary().handle();

        RevokeSessionsResult result = done(revokeSessions.revoke(new RevokeSessions.Target.ByHandle(handle.substring(0, 8).toUpperCase())));
        assertEquals(List.of(alice.summary()), assertInstanceOf(RevokeSessionsResult.Revoked.class, result).sessions());
        assertFalse(sessions.stored.containsKey(alice.id()));
        assertTrue(sessions.stored.containsKey(bob.id()));
        assertInstanceOf(RevokeSessionsResult.NoMatch.class, done(revokeSessions.revoke(new RevokeSessions.Target.ByHandle(handle))));
    }

    @Test
    void givenAShortOrForeignHandle_thenNothingIsRevoked() {
        Session alice = loggedIn("alice", Channel.WEB);
        String key = alice.id().storageKey();
        assertInstanceOf(RevokeSessionsResult.InvalidHandle.class, done(revokeSessions.revoke(new RevokeSessions.Target.ByHandle(key.substring(0, 5)))));
        assertInstanceOf(RevokeSessionsResult.InvalidHandle.class, done(revokeSessions.revoke(new RevokeSessions.Target.ByHandle("zzzzzzzz"))));
        assertInstanceOf(RevokeSessionsResult.InvalidHandle.class, done(revokeSessions.revoke(new RevokeSessions.Target.ByHandle(alice.id().value()))));
        assertTrue(sessions.stored.containsKey(alice.id()));
    }

    @Test
    void givenAUserWhosePasswordChangedSince_thenTheirOlderSessionsAreEndedNotListed() {
        Session before = loggedIn("alice", Channel.WEB);
        Session bob = loggedIn("bob", Channel.WEB);
        versions.put(new Username("alice"), 2L);
        Session after = Session.startAnonymous(Channel.WEB, clock.instant()).loggedInAs(new Username("alice"), 2L, clock.instant());
        done(sessions.save(after));

        List<SessionSummary> listed = done(listSessions.list(Optional.empty()));
        assertEquals(List.of(after.id().storageKey(), bob.id().storageKey()), listed.stream().map(SessionSummary::storageKey).toList());
        assertFalse(sessions.stored.containsKey(before.id()), "ended in the store, not only hidden");
        assertEquals(List.of(new AuditEvent(AuditEvent.Kind.SESSION_ENDED_CREDENTIALS_CHANGED, new Username("alice"), before.id().handle(), null, null)),
                audit);
    }

    @Test
    void givenAPrefixOfSeveralSessions_thenNoneIsRevoked() {
        SessionSummary first = new SessionSummary("abcdef01" + "0".repeat(56), new Username("alice"), Channel.WEB, "", clock.instant(), clock.instant(), 1L);
        SessionSummary second = new SessionSummary("abcdef02" + "0".repeat(56), new Username("bob"), Channel.WEB, "", clock.instant(), clock.instant(), 1L);
        sessions.summariesOnly.addAll(List.of(first, second));

        RevokeSessionsResult result = done(revokeSessions.revoke(new RevokeSessions.Target.ByHandle("abcdef")));
        assertEquals(List.of(first, second), assertInstanceOf(RevokeSessionsResult.Ambiguous.class, result).candidates());
        assertEquals(0, sessions.writes);
        assertInstanceOf(RevokeSessionsResult.Revoked.class, done(revokeSessions.revoke(new RevokeSessions.Target.ByHandle("abcdef02"))));
    }

    @Test
    void givenAllOfAUser_thenEveryOneOfTheirSessionsIsRevokedAndNoOtherUsers() {
        Session web = loggedIn("alice", Channel.WEB);
        Session terminal = loggedIn("alice", Channel.TERMINAL);
        Session bob = loggedIn("bob", Channel.WEB);

        RevokeSessionsResult result = done(revokeSessions.revoke(new RevokeSessions.Target.AllOfUser("alice")));
        assertEquals(2, assertInstanceOf(RevokeSessionsResult.Revoked.class, result).sessions().size());
        assertFalse(sessions.stored.containsKey(web.id()));
        assertFalse(sessions.stored.containsKey(terminal.id()));
        assertTrue(sessions.stored.containsKey(bob.id()));
        assertInstanceOf(RevokeSessionsResult.NoMatch.class, done(revokeSessions.revoke(new RevokeSessions.Target.AllOfUser("alice"))));
    }

    @Test
    void givenUserChangesAndRevocations_thenEachIsAudited() {
        addBob();
        done(new ChangePassword(accounts, FakeBlocklist.REPEATS, audit::add).change("bob", Password.of("another long passphrase")));
        done(new SetUserEnabled(accounts, audit::add).set("bob", false));
        done(new SetUserEnabled(accounts, audit::add).set("bob", true));
        done(new RemoveUser(accounts, audit::add).remove("bob"));
        done(new RemoveUser(accounts, audit::add).remove("bob"));
        Session alice = loggedIn("alice", Channel.WEB);
        done(revokeSessions.revoke(new RevokeSessions.Target.AllOfUser("alice")));

        Username bob = new Username("bob");
        assertEquals(List.of(
                AuditEvent.ofUser(AuditEvent.Kind.USER_ADDED, bob),
                AuditEvent.ofUser(AuditEvent.Kind.PASSWORD_CHANGED, bob),
                AuditEvent.ofUser(AuditEvent.Kind.USER_DISABLED, bob),
                AuditEvent.ofUser(AuditEvent.Kind.USER_ENABLED, bob),
                AuditEvent.ofUser(AuditEvent.Kind.USER_REMOVED, bob),
                new AuditEvent(AuditEvent.Kind.SESSION_REVOKED, new Username("alice"), alice.id().handle(), null, "by an administrator")), audit,
                "a change that found no user is not audited");
    }
}
