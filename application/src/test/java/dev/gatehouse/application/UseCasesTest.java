package dev.gatehouse.application;

import dev.gatehouse.domain.AuditEvent;
import dev.gatehouse.domain.Authentication;
import dev.gatehouse.domain.AuthenticationService;
import dev.gatehouse.domain.Channel;
import dev.gatehouse.domain.Password;
import dev.gatehouse.domain.PasswordPolicy;
import dev.gatehouse.domain.Session;
import dev.gatehouse.domain.SessionPolicy;
import dev.gatehouse.domain.UserSummary;
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
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UseCasesTest {

    private static final String CLIENT = "203.0.113.7";
    private static final SessionPolicy POLICY = new SessionPolicy(Duration.ofMinutes(30), Duration.ofHours(8));

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T09:00:00Z"));
    private final FakeSessions sessions = new FakeSessions();
    private final List<AuditEvent> audit = new ArrayList<>();
    private final AtomicInteger passwordChecks = new AtomicInteger();
    /** The credential versions of the users there are: alice, until a test changes her. */
    private final Map<Username, Long> versions = new HashMap<>(Map.of(new Username("alice"), 7L));
    /** Knows one user: alice, with the password "correct horse battery staple". */
    private final AuthenticationService authentication = credentials -> {
        passwordChecks.incrementAndGet();
        boolean ok = credentials.username().value().equals("alice") && credentials.password().reveal().equals("correct horse battery staple");
        return CompletableFuture.completedFuture(ok ? new Authentication.Authenticated(credentials.username(), versions.get(credentials.username()))
                : new Authentication.Rejected());
    };

    private final OpenLoginForm openLoginForm = new OpenLoginForm(sessions, audit::add, POLICY, clock);
    private final FakeThrottle throttle = new FakeThrottle();
    private final LogIn logIn = new LogIn(sessions, authentication, throttle, audit::add, POLICY, clock);
    private final LogOut logOut = new LogOut(sessions, audit::add, POLICY, clock);
    private final Greet greet = new Greet(sessions, user -> CompletableFuture.completedFuture(
            versions.containsKey(user) ? OptionalLong.of(versions.get(user)) : OptionalLong.empty()), audit::add, POLICY, clock);

    private static <T> T done(CompletionStage<T> stage) {
        return stage.toCompletableFuture().join();
    }

    private Session loggedInAlice() {
        Session form = done(openLoginForm.open(Optional.empty(), Channel.WEB)).session();
        LoginResult result = done(logIn.logIn(new LogInCommand(Optional.of(form.id()), form.csrfToken().value(), "alice",
                Password.of("correct horse battery staple"), CLIENT, "test browser")));
        return assertInstanceOf(LoginResult.LoggedIn.class, result).session();
    }

    @Test
    void givenNoSession_whenGreeting_thenNotLoggedInAndNothingIsWritten() {
        assertInstanceOf(Greeting.NotLoggedIn.class, done(greet.greet(Optional.empty())));
        assertEquals(0, sessions.writes);
    }

    @Test
    void givenAnOpenForm_thenAnAnonymousSessionIsStartedOnceAndReused() {
        LoginForm first = done(openLoginForm.open(Optional.empty(), Channel.WEB));
        assertTrue(first.started());
        LoginForm again = done(openLoginForm.open(Optional.of(first.session().id()), Channel.WEB));
        assertFalse(again.started());
        assertEquals(first.session().id(), again.session().id());
        assertEquals(1, sessions.stored.size());
    }

    @Test
    void givenGoodCredentials_whenLoggingIn_thenTheSessionIsReplacedByOneWithANewIdThatKeepsTheAttributes() {
        Session form = done(openLoginForm.open(Optional.empty(), Channel.WEB)).session().withAttribute("theme", "dark");
        done(sessions.save(form));
        LoginResult result = done(logIn.logIn(new LogInCommand(Optional.of(form.id()), form.csrfToken().value(), "alice",
                Password.of("correct horse battery staple"), CLIENT, "test browser")));
        Session after = assertInstanceOf(LoginResult.LoggedIn.class, result).session();
        assertNotEquals(form.id(), after.id());
        assertFalse(sessions.stored.containsKey(form.id()), "the pre-login id no longer works");
        assertEquals(Map.of("theme", "dark"), after.attributes());
        Greeting greeting = done(greet.greet(Optional.of(after.id())));
        assertEquals("alice", assertInstanceOf(Greeting.Welcome.class, greeting).username().value());
    }

    @Test
    void givenWrongCredentials_thenRejectedAndTheFormSessionStays() {
        Session form = done(openLoginForm.open(Optional.empty(), Channel.WEB)).session();
        LoginResult result = done(logIn.logIn(new LogInCommand(Optional.of(form.id()), form.csrfToken().value(), "alice",
                Password.of("wrong password entirely"), CLIENT, "test browser")));
        assertEquals(form.id(), assertInstanceOf(LoginResult.Rejected.class, result).formSession().id());
        assertTrue(sessions.stored.containsKey(form.id()));
    }

    @Test
    void givenAWrongOrMissingCsrfToken_thenNoPasswordIsChecked() {
        Session form = done(openLoginForm.open(Optional.empty(), Channel.WEB)).session();
        for (String token : new String[] {null, "", Session.startAnonymous(Channel.WEB, clock.instant()).csrfToken().value()}) {
            LoginResult result = done(logIn.logIn(new LogInCommand(Optional.of(form.id()), token, "alice",
                    Password.of("correct horse battery staple"), CLIENT, "test browser")));
            assertInstanceOf(LoginResult.FormExpired.class, result);
        }
        LoginResult noSession = done(logIn.logIn(new LogInCommand(Optional.empty(), form.csrfToken().value(), "alice",
                Password.of("correct horse battery staple"), CLIENT, "test browser")));
        assertInstanceOf(LoginResult.FormExpired.class, noSession);
        assertEquals(0, passwordChecks.get());
    }

    @Test
    void givenNoFormAndNoSession_whenLoggingInWithoutForm_thenAFailureStoresNothingAndSuccessStoresOneSession() {
        LoginResult wrong = done(logIn.logInWithoutForm(new LogInCommand(Optional.empty(), null, "alice",
                Password.of("wrong password entirely"), CLIENT, "script")));
        assertInstanceOf(LoginResult.Rejected.class, wrong);
        assertTrue(sessions.stored.isEmpty(), "a failed attempt leaves nothing behind");

        LoginResult right = done(logIn.logInWithoutForm(new LogInCommand(Optional.empty(), null, "alice",
                Password.of("correct horse battery staple"), CLIENT, "script")));
        Session session = assertInstanceOf(LoginResult.LoggedIn.class, right).session();
        assertEquals(List.of(session.id()), List.copyOf(sessions.stored.keySet()));
        assertEquals("alice", session.user().orElseThrow().value());
    }

    @Test
    void givenALiveSession_whenLoggingInWithoutForm_thenItsTokenIsNeededAndItIsReplaced() {
        Session before = loggedInAlice();
        LoginResult noToken = done(logIn.logInWithoutForm(new LogInCommand(Optional.of(before.id()), null, "alice",
                Password.of("correct horse battery staple"), CLIENT, "script")));
        assertInstanceOf(LoginResult.FormExpired.class, noToken);
        int checks = passwordChecks.get();

        LoginResult withToken = done(logIn.logInWithoutForm(new LogInCommand(Optional.of(before.id()), before.csrfToken().value(), "alice",
                Password.of("correct horse battery staple"), CLIENT, "script")));
        Session after = assertInstanceOf(LoginResult.LoggedIn.class, withToken).session();
        assertNotEquals(before.id(), after.id());
        assertFalse(sessions.stored.containsKey(before.id()), "the old id is worthless after the login");
        assertEquals(checks + 1, passwordChecks.get());
    }

    @Test
    void givenAGreeting_thenOnlyASessionOfOursThatHasEndedIsReportedAsEnded() {
        assertFalse(assertInstanceOf(Greeting.NotLoggedIn.class, done(greet.greet(Optional.empty()))).sessionEnded());
        Session anonymous = done(openLoginForm.open(Optional.empty(), Channel.WEB)).session();
        assertFalse(assertInstanceOf(Greeting.NotLoggedIn.class, done(greet.greet(Optional.of(anonymous.id())))).sessionEnded());

        Session alice = loggedInAlice();
        clock.advance(POLICY.idleTimeout());
        assertTrue(assertInstanceOf(Greeting.NotLoggedIn.class, done(greet.greet(Optional.of(alice.id())))).sessionEnded());
    }

    @Test
    void givenAFlashMessage_thenItIsCarriedByANewEmptySessionAndTakenOnce() {
        Flashes flashes = new Flashes(sessions, clock);
        Session carrier = done(flashes.carry(FlashMessage.LOGGED_OUT));

        assertFalse(carrier.isLoggedIn());
        // The session as a request finds it: through Greet, which hands a page the anonymous session it loaded.
        Greeting.NotLoggedIn first = assertInstanceOf(Greeting.NotLoggedIn.class, done(greet.greet(Optional.of(carrier.id()))));
        assertEquals(Optional.of(FlashMessage.LOGGED_OUT), done(flashes.take(first.anonymous().orElseThrow())));
        Greeting.NotLoggedIn again = assertInstanceOf(Greeting.NotLoggedIn.class, done(greet.greet(Optional.of(carrier.id()))));
        assertEquals(Optional.empty(), done(flashes.take(again.anonymous().orElseThrow())), "shown once");
        Session none = done(openLoginForm.open(Optional.empty(), Channel.WEB)).session();
        assertEquals(Optional.empty(), done(flashes.take(none)));
    }

    @Test
    void givenAnImpossibleUsername_thenRejectedWithoutAskingTheDirectory() {
        Session form = done(openLoginForm.open(Optional.empty(), Channel.WEB)).session();
        LoginResult result = done(logIn.logIn(new LogInCommand(Optional.of(form.id()), form.csrfToken().value(), "bad\u0000name",
                Password.of("correct horse battery staple"), CLIENT, "test browser")));
        assertInstanceOf(LoginResult.Rejected.class, result);
        assertEquals(0, passwordChecks.get());
    }

    @Test
    void givenALoggedInSession_whenGreetingWithinTheTouchInterval_thenNothingIsWritten() {
        Session session = loggedInAlice();
        int writes = sessions.writes;
        clock.advance(Duration.ofSeconds(30));
        assertInstanceOf(Greeting.Welcome.class, done(greet.greet(Optional.of(session.id()))));
        assertEquals(writes, sessions.writes);
        clock.advance(Duration.ofSeconds(31));
        assertInstanceOf(Greeting.Welcome.class, done(greet.greet(Optional.of(session.id()))));
        assertEquals(writes + 1, sessions.writes, "the idle window moved once");
    }

    @Test
    void givenIdleTimeoutPassed_thenTheSessionIsGoneFromTheStore() {
        Session session = loggedInAlice();
        clock.advance(Duration.ofMinutes(30));
        assertInstanceOf(Greeting.NotLoggedIn.class, done(greet.greet(Optional.of(session.id()))));
        assertFalse(sessions.stored.containsKey(session.id()));
    }

    @Test
    void givenActivityEvery20Minutes_thenTheAbsoluteTimeoutStillEndsTheSessionAfter8Hours() {
        Session session = loggedInAlice();
        for (int i = 0; i < 23; i++) {
            clock.advance(Duration.ofMinutes(20));
            assertInstanceOf(Greeting.Welcome.class, done(greet.greet(Optional.of(session.id()))), "after " + (i + 1) * 20 + " min");
        }
        clock.advance(Duration.ofMinutes(20));
        assertInstanceOf(Greeting.NotLoggedIn.class, done(greet.greet(Optional.of(session.id()))));
    }

    @Test
    void givenLogoutWithTheToken_thenTheSessionIsDeleted_andWithoutIt_nothingChanges() {
        Session session = loggedInAlice();
        assertInstanceOf(LogoutResult.FormExpired.class, done(logOut.logOut(new LogOutCommand(Optional.of(session.id()), "forged"))));
        assertTrue(sessions.stored.containsKey(session.id()));
        assertInstanceOf(LogoutResult.LoggedOut.class, done(logOut.logOut(new LogOutCommand(Optional.of(session.id()), session.csrfToken().value()))));
        assertFalse(sessions.stored.containsKey(session.id()));
        assertInstanceOf(Greeting.NotLoggedIn.class, done(greet.greet(Optional.of(session.id()))));
    }

    @Test
    void givenALogoutRacingAGreeting_thenTheTouchDoesNotResurrectTheSession() {
        Session session = loggedInAlice();
        clock.advance(Duration.ofMinutes(2));
        // The greeting has loaded the session; a logout deletes it before the greeting writes.
        sessions.beforeUpdate = () -> sessions.stored.remove(session.id());
        Greeting greeting = done(greet.greet(Optional.of(session.id())));
        assertInstanceOf(Greeting.NotLoggedIn.class, greeting);
        assertFalse(sessions.stored.containsKey(session.id()));
    }

    @Test
    void givenAddUser_thenNamesAndPasswordsAreCheckedBeforeTheDirectory() {
        FakeAccounts accounts = new FakeAccounts();
        AddUser addUser = new AddUser(accounts, FakeBlocklist.REPEATS, audit::add);
        assertInstanceOf(AddUserResult.Added.class, done(addUser.add("bob", Password.of("a long enough passphrase"))));
        assertInstanceOf(AddUserResult.AlreadyExists.class, done(addUser.add("bob", Password.of("a long enough passphrase"))));
        assertInstanceOf(AddUserResult.InvalidUsername.class, done(addUser.add("b\nob", Password.of("a long enough passphrase"))));
        assertEquals(PasswordPolicy.Problem.TOO_SHORT, assertInstanceOf(AddUserResult.WeakPassword.class, done(addUser.add("carol", Password.of("short")))).problem());
        assertEquals(PasswordPolicy.Problem.COMMON, assertInstanceOf(AddUserResult.WeakPassword.class,
                done(addUser.add("carol", Password.of("passwordpasswordpassword")))).problem());
        assertEquals(List.of(new UserSummary(new Username("bob"), false)), done(new ListUsers(accounts).list()));
    }

    @Test
    void givenATerminalLogin_thenTheSessionIsTaggedAsTerminalThroughLogin() {
        Session form = done(openLoginForm.open(Optional.empty(), Channel.TERMINAL)).session();
        LoginResult result = done(logIn.logIn(new LogInCommand(Optional.of(form.id()), form.csrfToken().value(), "alice",
                Password.of("correct horse battery staple"), CLIENT, "test browser")));
        assertEquals(Channel.TERMINAL, assertInstanceOf(LoginResult.LoggedIn.class, result).session().channel());
    }

    @Test
    void givenTheThrottleSaysWait_thenThePasswordIsNotCheckedAndTheFormStays() {
        Session form = done(openLoginForm.open(Optional.empty(), Channel.WEB)).session();
        throttle.wait = Duration.ofSeconds(8);
        LoginResult result = done(logIn.logIn(new LogInCommand(Optional.of(form.id()), form.csrfToken().value(), "alice",
                Password.of("correct horse battery staple"), CLIENT, "test browser")));
        LoginResult.Throttled throttled = assertInstanceOf(LoginResult.Throttled.class, result, "a right password does not get through");
        assertEquals(Duration.ofSeconds(8), throttled.retryAfter());
        assertEquals(form.id(), throttled.formSession().id());
        assertEquals(0, passwordChecks.get());
        assertEquals(List.of(), throttle.settled);
        assertEquals("Too many failed login attempts. Try again in 8 seconds.", LoginResult.Throttled.message(throttled.retryAfter()));
        assertEquals("Too many failed login attempts. Try again in 15 minutes.", LoginResult.Throttled.message(Duration.ofMinutes(15)));
    }

    @Test
    void givenAdmittedAttempts_thenEachIsSettledWithItsOutcomeForItsAccountAndClient() {
        Session form = done(openLoginForm.open(Optional.empty(), Channel.WEB)).session();
        done(logIn.logIn(new LogInCommand(Optional.of(form.id()), form.csrfToken().value(), "alice", Password.of("wrong password entirely"), CLIENT, "test browser")));
        done(logIn.logIn(new LogInCommand(Optional.of(form.id()), form.csrfToken().value(), "alice", Password.of("correct horse battery staple"), CLIENT, "test browser")));
        assertEquals(List.of("alice from " + CLIENT + ": FAILED", "alice from " + CLIENT + ": SUCCEEDED"), throttle.settled);
    }

    @Test
    void givenTheDirectoryFails_thenTheAttemptIsGivenBackAndTheFailureReported() {
        LogIn broken = new LogIn(sessions, credentials -> CompletableFuture.failedFuture(new IllegalStateException("users file unreadable")),
                throttle, audit::add, POLICY, clock);
        Session form = done(openLoginForm.open(Optional.empty(), Channel.WEB)).session();
        CompletionStage<LoginResult> result = broken.logIn(new LogInCommand(Optional.of(form.id()), form.csrfToken().value(), "alice",
                Password.of("correct horse battery staple"), CLIENT, "test browser"));
        assertTrue(result.toCompletableFuture().isCompletedExceptionally());
        assertEquals(List.of("alice from " + CLIENT + ": NOT_CHECKED"), throttle.settled);
    }

    @Test
    void givenTheUsersCredentialsChangeOrTheUserGoes_thenTheGreetingEndsTheSession() {
        Session session = loggedInAlice();
        assertEquals(7L, session.credentialVersion());
        assertInstanceOf(Greeting.Welcome.class, done(greet.greet(Optional.of(session.id()))));

        versions.put(new Username("alice"), 8L);
        assertInstanceOf(Greeting.NotLoggedIn.class, done(greet.greet(Optional.of(session.id()))), "password changed or disabled");
        assertFalse(sessions.stored.containsKey(session.id()), "ended in the store, not only refused");

        Session again = loggedInAlice();
        versions.remove(new Username("alice"));
        assertInstanceOf(Greeting.NotLoggedIn.class, done(greet.greet(Optional.of(again.id()))), "user removed");
        assertFalse(sessions.stored.containsKey(again.id()));
    }

    @Test
    void givenLoginsAndLogouts_thenEachIsAuditedWithUserClientAndHandleButNoSecret() {
        Session form = done(openLoginForm.open(Optional.empty(), Channel.WEB)).session();
        done(logIn.logIn(new LogInCommand(Optional.of(form.id()), form.csrfToken().value(), "alice", Password.of("wrong password entirely"), CLIENT, "test browser")));
        throttle.wait = Duration.ofSeconds(3);
        done(logIn.logIn(new LogInCommand(Optional.of(form.id()), form.csrfToken().value(), "alice", Password.of("wrong password entirely"), CLIENT, "test browser")));
        throttle.wait = null;
        Session session = loggedInAlice();
        done(logOut.logOut(new LogOutCommand(Optional.of(session.id()), session.csrfToken().value())));

        Username alice = new Username("alice");
        assertEquals(List.of(
                new AuditEvent(AuditEvent.Kind.LOGIN_FAILED, alice, null, CLIENT, null),
                new AuditEvent(AuditEvent.Kind.LOGIN_THROTTLED, alice, null, CLIENT, "retry after 3 s"),
                new AuditEvent(AuditEvent.Kind.LOGIN_SUCCEEDED, alice, session.id().handle(), CLIENT, null),
                new AuditEvent(AuditEvent.Kind.LOGGED_OUT, alice, session.id().handle(), null, null)), audit);
        assertFalse(audit.toString().contains(session.id().value()), "a handle, never the id");
    }

    @Test
    void givenATimeoutOrACredentialChange_thenTheEndOfTheSessionIsAudited() {
        Session first = loggedInAlice();
        clock.advance(POLICY.idleTimeout());
        done(greet.greet(Optional.of(first.id())));
        Session second = loggedInAlice();
        versions.put(new Username("alice"), 9L);
        done(greet.greet(Optional.of(second.id())));
        assertEquals(List.of(AuditEvent.Kind.LOGIN_SUCCEEDED, AuditEvent.Kind.SESSION_TIMED_OUT, AuditEvent.Kind.LOGIN_SUCCEEDED,
                AuditEvent.Kind.SESSION_ENDED_CREDENTIALS_CHANGED), audit.stream().map(AuditEvent::kind).toList());
    }
}
