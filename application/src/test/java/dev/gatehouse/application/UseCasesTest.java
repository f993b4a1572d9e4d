package dev.gatehouse.application;

import dev.gatehouse.domain.AuditEvent;
import dev.gatehouse.domain.AuthMethod;
import dev.gatehouse.domain.Authentication;
import dev.gatehouse.domain.AuthenticationService;
import dev.gatehouse.domain.Channel;
import dev.gatehouse.domain.Password;
import dev.gatehouse.domain.PasswordPolicy;
import dev.gatehouse.domain.PreLogin;
import dev.gatehouse.domain.Session;
import dev.gatehouse.domain.SessionEnd;
import dev.gatehouse.domain.SessionId;
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

    private final FakeSigner signer = new FakeSigner();
    private final OpenLoginForm openLoginForm = new OpenLoginForm(sessions, signer, audit::add, POLICY, clock);
    private final FakeThrottle throttle = new FakeThrottle();
    private final LogIn logIn = new LogIn(sessions, authentication, new FakeAccounts().demands(), throttle, signer, audit::add, POLICY, clock);
    private final LogOut logOut = new LogOut(sessions, new FakeRememberedLogins(clock), audit::add, POLICY, clock);
    private final Greet greet = new Greet(sessions, user -> CompletableFuture.completedFuture(
            versions.containsKey(user) ? OptionalLong.of(versions.get(user)) : OptionalLong.empty()), audit::add, POLICY, clock);

    private static <T> T done(CompletionStage<T> stage) {
        return stage.toCompletableFuture().join();
    }

    /** A login form as a browser without a session opens it: its pre-login value, and the token the form carries. */
    private record Form(PreLogin preLogin, String csrf) {
    }

    private Form openForm() {
        PreLogin preLogin = PreLogin.generate();
        LoginForm form = done(openLoginForm.open(Optional.empty(), Optional.of(preLogin)));
        return new Form(preLogin, form.csrfToken().value());
    }

    private LogInResult logInThrough(Form form, String password) {
        return done(logIn.logIn(new LogInCommand(Optional.empty(), Optional.of(form.preLogin()), form.csrf(), "alice", Password.of(password),
                CLIENT, Channel.WEB, "test browser", List.of())));
    }

    private static LogInCommand withoutForm(Optional<Session> session, String csrf, String password) {
        return new LogInCommand(session.map(Session::id), Optional.empty(), csrf, "alice", Password.of(password), CLIENT, Channel.WEB, "script", List.of());
    }

    private Session loggedInAlice() {
        return assertInstanceOf(LogInResult.LoggedIn.class, logInThrough(openForm(), "correct horse battery staple")).session();
    }

    @Test
    void givenNoSession_whenGreeting_thenNotLoggedInAndNothingIsWritten() {
        assertInstanceOf(Greeting.NotLoggedIn.class, done(greet.greet(Optional.empty())));
        assertEquals(0, sessions.writes);
    }

    @Test
    void givenAnOpenForm_thenNothingIsStored_andTheTokenIsThePreLoginValuesSignature() {
        LoginForm first = done(openLoginForm.open(Optional.empty(), Optional.empty()));
        PreLogin issued = first.issued().orElseThrow();
        LoginForm again = done(openLoginForm.open(Optional.empty(), Optional.of(issued)));
        assertEquals(Optional.empty(), again.issued(), "the browser already holds its value");
        assertEquals(first.csrfToken(), again.csrfToken());
        assertNotEquals(first.csrfToken(), done(openLoginForm.open(Optional.empty(), Optional.empty())).csrfToken());
        assertTrue(sessions.stored.isEmpty());
        assertEquals(0, sessions.writes);

        Session alice = loggedInAlice();
        assertEquals(alice.csrfToken(), done(openLoginForm.open(Optional.of(alice.id()), Optional.of(issued))).csrfToken(),
                "a live session's own token");
    }

    @Test
    void givenGoodCredentials_whenLoggingIn_thenTheSessionIsReplacedByOneWithANewIdThatKeepsTheAttributes() {
        Session before = loggedInAlice().withAttribute("theme", "dark");
        done(sessions.save(before));
        LogInResult result = done(logIn.logIn(new LogInCommand(Optional.of(before.id()), Optional.empty(), before.csrfToken().value(), "alice",
                Password.of("correct horse battery staple"), CLIENT, Channel.WEB, "test browser", List.of())));
        Session after = assertInstanceOf(LogInResult.LoggedIn.class, result).session();
        assertNotEquals(before.id(), after.id());
        assertFalse(sessions.stored.containsKey(before.id()), "the id known before the login no longer works");
        assertEquals(Optional.of("dark"), after.applicationAttribute("theme"));
        assertEquals(AuthMethod.PASSWORD, after.authMethod());
        Greeting greeting = done(greet.greet(Optional.of(after.id())));
        assertEquals("alice", assertInstanceOf(Greeting.Welcome.class, greeting).username().value());
        assertEquals(1, sessions.stored.size());
    }

    @Test
    void givenWrongCredentials_thenRejectedWithTheSameFormTokenAndNothingStored() {
        Form form = openForm();
        LogInResult result = logInThrough(form, "wrong password entirely");
        assertEquals(form.csrf(), assertInstanceOf(LogInResult.Rejected.class, result).formToken().value());
        assertTrue(sessions.stored.isEmpty(), "a stranger's failed attempt leaves nothing behind");
    }

    @Test
    void givenAWrongOrMissingCsrfToken_thenNoPasswordIsChecked() {
        Form form = openForm();
        Form other = openForm();
        for (String token : new String[] {null, "", other.csrf(), Session.startAnonymous(Channel.WEB, clock.instant()).csrfToken().value()}) {
            LogInResult result = done(logIn.logIn(new LogInCommand(Optional.empty(), Optional.of(form.preLogin()), token, "alice",
                    Password.of("correct horse battery staple"), CLIENT, Channel.WEB, "test browser", List.of())));
            assertInstanceOf(LogInResult.FormExpired.class, result);
        }
        LogInResult noPreLogin = done(logIn.logIn(new LogInCommand(Optional.empty(), Optional.empty(), form.csrf(), "alice",
                Password.of("correct horse battery staple"), CLIENT, Channel.WEB, "test browser", List.of())));
        assertInstanceOf(LogInResult.FormExpired.class, noPreLogin);
        assertEquals(0, passwordChecks.get());
    }

    @Test
    void givenMoreLoginsThanTheCap_thenTheOldestSessionsEndAndEachEndIsAudited() {
        LogIn capped = new LogIn(sessions, authentication, new FakeAccounts().demands(), throttle, signer, audit::add, new SessionPolicy(Duration.ofMinutes(30), Duration.ofHours(8), 3), clock);
        List<Session> logins = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            clock.advance(Duration.ofSeconds(1));
            logins.add(assertInstanceOf(LogInResult.LoggedIn.class, done(capped.logInWithoutForm(withoutForm(Optional.empty(), null,
                    "correct horse battery staple")))).session());
        }
        assertEquals(List.of(logins.get(2).id(), logins.get(3).id(), logins.get(4).id()),
                sessions.stored.keySet().stream().sorted(java.util.Comparator.comparing(id -> sessions.stored.get(id).createdAt())).toList());
        assertEquals(List.of(logins.get(0).id().handle(), logins.get(1).id().handle()), audit.stream()
                .filter(event -> event.kind() == AuditEvent.Kind.SESSION_EVICTED).map(AuditEvent::session).toList());
    }

    @Test
    void givenNoFormAndNoSession_whenLoggingInWithoutForm_thenAFailureStoresNothingAndSuccessStoresOneSession() {
        LogInResult wrong = done(logIn.logInWithoutForm(withoutForm(Optional.empty(), null, "wrong password entirely")));
        assertInstanceOf(LogInResult.Rejected.class, wrong);
        assertTrue(sessions.stored.isEmpty(), "a failed attempt leaves nothing behind");

        LogInResult right = done(logIn.logInWithoutForm(withoutForm(Optional.empty(), null, "correct horse battery staple")));
        Session session = assertInstanceOf(LogInResult.LoggedIn.class, right).session();
        assertEquals(List.of(session.id()), List.copyOf(sessions.stored.keySet()));
        assertEquals("alice", session.user().orElseThrow().value());
    }

    @Test
    void givenALiveSession_whenLoggingInWithoutForm_thenItsTokenIsNeededAndItIsReplaced() {
        Session before = loggedInAlice();
        LogInResult noToken = done(logIn.logInWithoutForm(withoutForm(Optional.of(before), null, "correct horse battery staple")));
        assertInstanceOf(LogInResult.FormExpired.class, noToken);
        int checks = passwordChecks.get();

        LogInResult withToken = done(logIn.logInWithoutForm(withoutForm(Optional.of(before), before.csrfToken().value(),
                "correct horse battery staple")));
        Session after = assertInstanceOf(LogInResult.LoggedIn.class, withToken).session();
        assertNotEquals(before.id(), after.id());
        assertFalse(sessions.stored.containsKey(before.id()), "the old id is worthless after the login");
        assertEquals(checks + 1, passwordChecks.get());
    }

    @Test
    void givenAGreeting_thenOnlyASessionOfOursThatHasEndedIsReportedAsEnded() {
        assertEquals(Optional.empty(), ended(Optional.empty()));
        Session anonymous = Session.startAnonymous(Channel.WEB, clock.instant());
        done(sessions.save(anonymous));
        assertEquals(Optional.empty(), ended(Optional.of(anonymous.id())));

        Session alice = loggedInAlice();
        clock.advance(POLICY.idleTimeout());
        assertEquals(Optional.of(SessionEnd.TIMED_OUT), ended(Optional.of(alice.id())));
        assertEquals(Optional.of(SessionEnd.TIMED_OUT), ended(Optional.of(alice.id())), "asked again, the same answer");
    }

    @Test
    void givenASessionEndedByLogoutPasswordChangeOrDisabling_thenTheGreetingSaysWhich() {
        Session loggedOut = loggedInAlice();
        done(logOut.logOut(new LogOutCommand(Optional.of(loggedOut.id()), loggedOut.csrfToken().value(), Optional.empty())));
        assertEquals(Optional.of(SessionEnd.LOGGED_OUT), ended(Optional.of(loggedOut.id())), "another tab of the same session");

        Session beforeTheChange = loggedInAlice();
        versions.put(new Username("alice"), 8L);
        assertEquals(Optional.of(SessionEnd.PASSWORD_CHANGED), ended(Optional.of(beforeTheChange.id())));
        assertEquals(Optional.of(SessionEnd.PASSWORD_CHANGED), ended(Optional.of(beforeTheChange.id())), "kept for the next request too");

        Session beforeDisabling = loggedInAlice();
        // Disabled (or removed): the user has no credential version left.
        versions.remove(new Username("alice"));
        assertEquals(Optional.of(SessionEnd.ENDED_BY_ADMINISTRATOR), ended(Optional.of(beforeDisabling.id())));
    }

    private Optional<SessionEnd> ended(Optional<SessionId> id) {
        return assertInstanceOf(Greeting.NotLoggedIn.class, done(greet.greet(id))).sessionEnded();
    }

    @Test
    void givenAnImpossibleUsername_thenRejectedWithoutAskingTheDirectory() {
        Form form = openForm();
        LogInResult result = done(logIn.logIn(new LogInCommand(Optional.empty(), Optional.of(form.preLogin()), form.csrf(), "bad\u0000name",
                Password.of("correct horse battery staple"), CLIENT, Channel.WEB, "test browser", List.of())));
        assertInstanceOf(LogInResult.Rejected.class, result);
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
        assertInstanceOf(LogOutResult.FormExpired.class, done(logOut.logOut(new LogOutCommand(Optional.of(session.id()), "forged"))));
        assertTrue(sessions.stored.containsKey(session.id()));
        assertInstanceOf(LogOutResult.LoggedOut.class, done(logOut.logOut(new LogOutCommand(Optional.of(session.id()), session.csrfToken().value()))));
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
        assertInstanceOf(AddUserResult.Invalid.class, done(addUser.add("b\nob", Password.of("a long enough passphrase"))));
        assertEquals(Username.NEW_NAME_RULE, assertInstanceOf(AddUserResult.Invalid.class,
                done(addUser.add("bad name!", Password.of("a long enough passphrase")))).reason());
        assertInstanceOf(AddUserResult.AlreadyExists.class, done(addUser.add("BOB", Password.of("a long enough passphrase"))), "names ignore case");
        assertEquals(PasswordPolicy.Problem.TOO_SHORT, assertInstanceOf(AddUserResult.WeakPassword.class, done(addUser.add("carol", Password.of("short")))).problem());
        assertEquals(PasswordPolicy.Problem.COMMON, assertInstanceOf(AddUserResult.WeakPassword.class,
                done(addUser.add("carol", Password.of("passwordpasswordpassword")))).problem());
        assertEquals(List.of(new UserSummary(new Username("bob"), false)), done(new ListUsers(accounts).list()));
    }

    @Test
    void givenATerminalLogin_thenTheSessionIsTaggedAsTerminalThroughLogin() {
        LogInResult result = done(logIn.logInWithoutForm(new LogInCommand(Optional.empty(), Optional.empty(), null, "alice",
                Password.of("correct horse battery staple"), "terminal", Channel.TERMINAL, "terminal", List.of())));
        assertEquals(Channel.TERMINAL, assertInstanceOf(LogInResult.LoggedIn.class, result).session().channel());
    }

    @Test
    void givenTheThrottleSaysWait_thenThePasswordIsNotCheckedAndTheFormStays() {
        Form form = openForm();
        throttle.wait = Duration.ofSeconds(8);
        LogInResult result = logInThrough(form, "correct horse battery staple");
        LogInResult.Throttled throttled = assertInstanceOf(LogInResult.Throttled.class, result, "a right password does not get through");
        assertEquals(Duration.ofSeconds(8), throttled.retryAfter());
        assertEquals(form.csrf(), throttled.formToken().value());
        assertEquals(0, passwordChecks.get());
        assertEquals(List.of(), throttle.settled);
        assertEquals("Too many failed login attempts. Try again in 8 seconds.", LogInResult.Throttled.message(throttled.retryAfter()));
        assertEquals("Too many failed login attempts. Try again in 15 minutes.", LogInResult.Throttled.message(Duration.ofMinutes(15)));
    }

    @Test
    void givenAdmittedAttempts_thenEachIsSettledWithItsOutcomeForItsAccountAndClient() {
        Form form = openForm();
        logInThrough(form, "wrong password entirely");
        logInThrough(form, "correct horse battery staple");
        assertEquals(List.of("alice from " + CLIENT + ": FAILED", "alice from " + CLIENT + ": SUCCEEDED"), throttle.settled);
    }

    @Test
    void givenTheDirectoryFails_thenTheAttemptIsGivenBackAndTheFailureReported() {
        LogIn broken = new LogIn(sessions, credentials -> CompletableFuture.failedFuture(new IllegalStateException("users file unreadable")),
                new FakeAccounts().demands(), throttle, signer, audit::add, POLICY, clock);
        CompletionStage<LogInResult> result = broken.logInWithoutForm(withoutForm(Optional.empty(), null, "correct horse battery staple"));
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
        Form form = openForm();
        logInThrough(form, "wrong password entirely");
        throttle.wait = Duration.ofSeconds(3);
        logInThrough(form, "wrong password entirely");
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
