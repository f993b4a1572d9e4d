package dev.gatehouse.application;

import dev.gatehouse.domain.AuditEvent;
import dev.gatehouse.domain.AuthMethod;
import dev.gatehouse.domain.Channel;
import dev.gatehouse.domain.Password;
import dev.gatehouse.domain.Session;
import dev.gatehouse.domain.SessionPolicy;
import dev.gatehouse.domain.Username;
import dev.gatehouse.domain.secondfactor.RecoveryCodes;
import dev.gatehouse.domain.secondfactor.Totp;
import dev.gatehouse.domain.secondfactor.TotpSecret;
import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The login's two steps for an account with a second factor, and the enrolment that gives it one, on fakes. */
class SecondFactorLoginTest {

    private static final Username ALICE = new Username("alice");
    private static final String PASSWORD = "correct horse battery staple";
    private static final SessionPolicy POLICY = SessionPolicy.DEFAULT;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T09:00:00Z"));
    private final FakeSessions sessions = new FakeSessions();
    private final FakeAccounts accounts = new FakeAccounts();
    private final FakeThrottle throttle = new FakeThrottle();
    private final FakeSigner signer = new FakeSigner();
    private final List<AuditEvent> audit = new ArrayList<>();
    private final FakeAuthenticatorCodes codes = new FakeAuthenticatorCodes();
    private final LogIn logIn = new LogIn(sessions, accounts, accounts.demands(), throttle, signer, audit::add, POLICY, clock);
    private final Greet greet = new Greet(sessions, accounts, audit::add, POLICY, clock);
    private final EnrolAuthenticator enrol = new EnrolAuthenticator(accounts, new FakeAuthenticatorKeys(), codes, new FakeSealer(), sessions,
            audit::add, "auth.example.com", clock);
    private final CompleteLogin completeLogin = new CompleteLogin(sessions, accounts, accounts,
            new VerifySecondFactor(accounts, codes, throttle, audit::add, clock), enrol, signer, audit::add, POLICY, clock);
    private final TotpSecret secret = TotpSecret.generate(new SecureRandom());
    private final List<String> recoveryCodes = RecoveryCodes.generate(new SecureRandom());

    SecondFactorLoginTest() {
        accounts.put(ALICE, PASSWORD);
    }

    private static <T> T done(CompletionStage<T> stage) {
        return stage.toCompletableFuture().join();
    }

    private void enrolAlice() {
        accounts.enrol(ALICE, secret, recoveryCodes.stream().map(code -> RecoveryCodes.hash(code).orElseThrow()).collect(Collectors.toSet()));
    }

    private LogInResult passwordStep() {
        return done(logIn.logInWithoutForm(new LogInCommand(Optional.empty(), Optional.empty(), null, "alice", Password.of(PASSWORD), "203.0.113.7",
                Channel.WEB, "test browser", List.of())));
    }

    private CompleteLoginResult codeStep(Session halfway, String code) {
        return done(completeLogin.complete(new CompleteLoginCommand(Optional.of(halfway.id()), halfway.csrfToken().value(), code, "203.0.113.7",
                List.of())));
    }

    private String codeNow(TotpSecret key) {
        return codes.code(key, Totp.step(clock.instant()));
    }

    @Test
    void givenNoSecondFactor_thenThePasswordAloneLogsIn() {
        assertEquals(AuthMethod.PASSWORD, assertInstanceOf(LogInResult.LoggedIn.class, passwordStep()).session().authMethod());
    }

    @Test
    void givenASecondFactor_thenTheHalfWaySessionIsNobodyUntilTheCodeAndThenALoginByPasswordAndCode() {
        enrolAlice();
        LogInResult.SecondFactorRequired asked = assertInstanceOf(LogInResult.SecondFactorRequired.class, passwordStep());
        assertEquals(List.of(SecondFactorMethod.AUTHENTICATOR_CODE, SecondFactorMethod.RECOVERY_CODE), asked.methods());
        Session halfway = asked.session();
        assertInstanceOf(Greeting.NotLoggedIn.class, done(greet.greet(Optional.of(halfway.id()))), "greets nobody");
        assertEquals(AuditEvent.Kind.SECOND_FACTOR_ASKED, audit.get(audit.size() - 1).kind());

        String code = codeNow(secret);
        CompleteLoginResult.LoggedIn in = assertInstanceOf(CompleteLoginResult.LoggedIn.class, codeStep(halfway, code));
        assertNotEquals(halfway.id(), in.session().id());
        assertEquals(AuthMethod.PASSWORD_AND_CODE, in.session().authMethod());
        assertEquals(ALICE, assertInstanceOf(Greeting.Welcome.class, done(greet.greet(Optional.of(in.session().id())))).username());
        assertFalse(sessions.stored.containsKey(halfway.id()), "the half-way session is gone");
        assertEquals("with authenticator code", audit.get(audit.size() - 1).detail());

        Session again = assertInstanceOf(LogInResult.SecondFactorRequired.class, passwordStep()).session();
        assertInstanceOf(CompleteLoginResult.Wrong.class, codeStep(again, code), "a code counts once, even at the next login");
    }

    @Test
    void givenARecoveryCode_thenALoginThatSaysHowManyAreLeft() {
        enrolAlice();
        Session halfway = assertInstanceOf(LogInResult.SecondFactorRequired.class, passwordStep()).session();
        CompleteLoginResult.LoggedIn in = assertInstanceOf(CompleteLoginResult.LoggedIn.class, codeStep(halfway, recoveryCodes.get(3)));
        assertEquals(AuthMethod.PASSWORD_AND_RECOVERY_CODE, in.session().authMethod());
        assertEquals(9, in.recoveryCodesLeft());
    }

    @Test
    void givenFiveMinutesAPasswordChangeOrAForeignToken_thenNoLoginIsFinished() {
        enrolAlice();
        Session late = assertInstanceOf(LogInResult.SecondFactorRequired.class, passwordStep()).session();
        clock.advance(Session.SECOND_FACTOR_TIME);
        assertInstanceOf(CompleteLoginResult.LogInAgain.class, codeStep(late, codeNow(secret)));

        Session halfway = assertInstanceOf(LogInResult.SecondFactorRequired.class, passwordStep()).session();
        assertInstanceOf(CompleteLoginResult.FormExpired.class, done(completeLogin.complete(new CompleteLoginCommand(Optional.of(halfway.id()),
                "not its token", codeNow(secret), "203.0.113.7", List.of()))));
        done(accounts.changePassword(ALICE, Password.of("another long passphrase")));
        assertInstanceOf(CompleteLoginResult.LogInAgain.class, codeStep(halfway, codeNow(secret)), "the password step no longer holds");
        assertFalse(sessions.stored.containsKey(halfway.id()));
    }

    @Test
    void givenAWrongCodeOrAThrottledAccount_thenTheHalfWaySessionStaysAndNothingMore() {
        enrolAlice();
        Session halfway = assertInstanceOf(LogInResult.SecondFactorRequired.class, passwordStep()).session();
        String wrong = "000000".equals(codeNow(secret)) ? "111111" : "000000";
        assertInstanceOf(CompleteLoginResult.Wrong.class, codeStep(halfway, wrong));
        throttle.wait = Duration.ofSeconds(30);
        assertEquals(Duration.ofSeconds(30), assertInstanceOf(CompleteLoginResult.Throttled.class, codeStep(halfway, codeNow(secret))).retryAfter());
        throttle.wait = null;
        assertInstanceOf(CompleteLoginResult.LoggedIn.class, codeStep(halfway, codeNow(secret)));
    }

    @Test
    void givenARecentLogin_thenEnrolmentShowsAKeyAndOnlyItsCodeEnrolsWithRecoveryCodes() {
        Session session = assertInstanceOf(LogInResult.LoggedIn.class, passwordStep()).session();
        Identity.LoggedIn alice = new Identity.LoggedIn(ALICE, session, Optional.empty());
        EnrolAuthenticator.Pending pending = enrol.begin(alice).orElseThrow();
        String csrf = session.csrfToken().value();
        assertInstanceOf(EnrolAuthenticator.Result.Wrong.class, done(enrol.confirm(alice, csrf, pending.token(), codeNow(secret))), "another key's code");
        assertInstanceOf(EnrolAuthenticator.Result.FormExpired.class, done(enrol.confirm(alice, "forged", pending.token(), codeNow(pending.key().secret()))));
        Session other = Session.startAnonymous(Channel.WEB, clock.instant()).loggedInAs(ALICE, session.credentialVersion(), clock.instant());
        assertInstanceOf(EnrolAuthenticator.Result.Expired.class, done(enrol.confirm(new Identity.LoggedIn(ALICE, other, Optional.empty()),
                other.csrfToken().value(), pending.token(), codeNow(pending.key().secret()))), "a key shown to another session");

        String code = codeNow(pending.key().secret());
        EnrolAuthenticator.Result.Enrolled enrolled = assertInstanceOf(EnrolAuthenticator.Result.Enrolled.class,
                done(enrol.confirm(alice, csrf, pending.token(), code)));
        assertEquals(RecoveryCodes.COUNT, enrolled.recoveryCodes().size());
        assertTrue(audit.stream().anyMatch(event -> event.kind() == AuditEvent.Kind.SECOND_FACTOR_ENROLLED));

        Session halfway = assertInstanceOf(LogInResult.SecondFactorRequired.class, passwordStep()).session();
        assertInstanceOf(CompleteLoginResult.Wrong.class, codeStep(halfway, code), "the confirming code is used up");
        assertInstanceOf(CompleteLoginResult.LoggedIn.class, codeStep(halfway, enrolled.recoveryCodes().get(0)));
    }

    @Test
    void givenAnOldLoginOrALateCode_thenEnrolmentAsksForTheRecheckOrToStartAgain() {
        Session session = assertInstanceOf(LogInResult.LoggedIn.class, passwordStep()).session();
        Identity.LoggedIn alice = new Identity.LoggedIn(ALICE, session, Optional.empty());
        EnrolAuthenticator.Pending pending = enrol.begin(alice).orElseThrow();
        clock.advance(EnrolAuthenticator.PENDING_FOR);
        Identity.LoggedIn rechecked = new Identity.LoggedIn(ALICE, session.reauthenticated(clock.instant()), Optional.empty());
        assertInstanceOf(EnrolAuthenticator.Result.Expired.class, done(enrol.confirm(rechecked, session.csrfToken().value(), pending.token(),
                codeNow(pending.key().secret()))));
        clock.advance(Session.RECHECK_AFTER.plusSeconds(1));
        assertTrue(enrol.begin(rechecked).isEmpty(), "a login older than ten minutes must prove itself again");
        assertInstanceOf(EnrolAuthenticator.Result.RecheckNeeded.class, done(enrol.confirm(rechecked, session.csrfToken().value(), pending.token(), "123456")));
    }

    @Test
    void givenARememberedLoginOfAUserWithASecondFactor_thenOnlyAHalfWaySessionUntilTheCode() {
        FakeRememberedLogins logins = new FakeRememberedLogins(clock);
        RememberMe rememberMe = new RememberMe(logins, sessions, accounts, accounts.demands(), throttle, audit::add, RememberMe.DEFAULT_LIFETIME, POLICY, clock);
        Session in = assertInstanceOf(LogInResult.LoggedIn.class, passwordStep()).session();
        dev.gatehouse.domain.RememberMeToken token = done(rememberMe.remember(in, "203.0.113.7"));
        enrolAlice();

        RememberMe.Restoration.HalfWay halfway = assertInstanceOf(RememberMe.Restoration.HalfWay.class,
                done(rememberMe.restore(token, "203.0.113.7", "test browser")));
        assertFalse(halfway.session().isLoggedIn(), "remembering the password does not remember the code");
        Identity identity = done(new Identify(greet, rememberMe).identify(new IdentifyCommand(Optional.empty(),
                () -> Optional.of(new IdentifyCommand.Remembered(halfway.token(), "203.0.113.7", "test browser")))));
        assertTrue(assertInstanceOf(Identity.Anonymous.class, identity).halfway().isPresent());
        assertEquals(AuthMethod.PASSWORD_AND_CODE, assertInstanceOf(CompleteLoginResult.LoggedIn.class,
                codeStep(halfway.session(), codeNow(secret))).session().authMethod());
    }

    @Test
    void givenASessionWithAPasswordAloneOfAnEnrolledUser_thenTheCodeRaisesItToTwoFactorsUnderANewId() {
        Session in = assertInstanceOf(LogInResult.LoggedIn.class, passwordStep()).session();
        enrolAlice();
        CompleteLogin.SecondStep step = done(completeLogin.secondStep(Optional.of(in.id()))).orElseThrow();
        assertFalse(step.halfway(), "a step-up, not a login");
        CompleteLoginResult.LoggedIn raised = assertInstanceOf(CompleteLoginResult.LoggedIn.class, codeStep(in, codeNow(secret)));
        assertNotEquals(in.id(), raised.session().id());
        assertEquals(AuthMethod.PASSWORD_AND_CODE, raised.session().authMethod());
        assertTrue(done(completeLogin.secondStep(Optional.of(raised.session().id()))).isEmpty(), "two factors: nothing more to give");
    }

    @Test
    void givenARequirementAndNoSecondFactor_thenTheLoginSetsOneUpFirstAndLogsInWithTwoFactors() {
        SecondFactorDemands everyone = new SecondFactorDemands(accounts, accounts, new dev.gatehouse.domain.access.SecondFactorRequirement(true,
                java.util.Set.of()), dev.gatehouse.domain.access.AccessRules.LOGGED_IN_USERS);
        LogIn required = new LogIn(sessions, accounts, everyone, throttle, signer, audit::add, POLICY, clock);
        LogInResult.SecondFactorRequired asked = assertInstanceOf(LogInResult.SecondFactorRequired.class, done(required.logInWithoutForm(
                new LogInCommand(Optional.empty(), Optional.empty(), null, "alice", Password.of(PASSWORD), "203.0.113.7", Channel.WEB, "test browser",
                        List.of()))));
        assertTrue(asked.enrolFirst());
        Session halfway = asked.session();
        assertInstanceOf(CompleteLoginResult.LogInAgain.class, codeStep(halfway, "123456"), "no code to give before there is a factor");
        CompleteLogin.SecondStep step = done(completeLogin.secondStep(Optional.of(halfway.id()))).orElseThrow();
        EnrolAuthenticator.Pending pending = completeLogin.beginEnrolment(step).orElseThrow();
        CompleteLogin.EnrolmentResult.LoggedIn in = assertInstanceOf(CompleteLogin.EnrolmentResult.LoggedIn.class, done(completeLogin.enrol(
                Optional.of(halfway.id()), halfway.csrfToken().value(), pending.token(), codeNow(pending.key().secret()), "203.0.113.7")));
        assertEquals(AuthMethod.PASSWORD_AND_CODE, in.login().session().authMethod());
        assertEquals(RecoveryCodes.COUNT, in.recoveryCodes().size());
        assertEquals(ALICE, assertInstanceOf(Greeting.Welcome.class, done(greet.greet(Optional.of(in.login().session().id())))).username());
    }

    @Test
    void givenATrustedBrowser_thenItsPasswordAndItsRememberedLoginSkipTheCodeAndNoOtherTokenDoes() {
        enrolAlice();
        Session halfway = assertInstanceOf(LogInResult.SecondFactorRequired.class, passwordStep()).session();
        CompleteLoginResult.LoggedIn in = assertInstanceOf(CompleteLoginResult.LoggedIn.class, done(completeLogin.complete(new CompleteLoginCommand(
                Optional.of(halfway.id()), halfway.csrfToken().value(), codeNow(secret), "203.0.113.7", List.of(), true, "Firefox on Linux"))));
        String trust = in.trustToken().orElseThrow();
        assertEquals(AuditEvent.Kind.BROWSER_TRUSTED, audit.get(audit.size() - 1).kind());

        LogInResult again = done(logIn.logInWithoutForm(new LogInCommand(Optional.empty(), Optional.empty(), null, "alice", Password.of(PASSWORD),
                "203.0.113.7", Channel.WEB, "test browser", List.of(), Optional.of(trust))));
        assertEquals(AuthMethod.PASSWORD_AND_TRUSTED_BROWSER, assertInstanceOf(LogInResult.LoggedIn.class, again).session().authMethod());
        assertInstanceOf(LogInResult.SecondFactorRequired.class, done(logIn.logInWithoutForm(new LogInCommand(Optional.empty(), Optional.empty(),
                null, "alice", Password.of(PASSWORD), "203.0.113.7", Channel.WEB, "test browser", List.of(),
                Optional.of(dev.gatehouse.domain.TrustedBrowser.issue("forged", clock.instant()).token())))), "a token never trusted");

        FakeRememberedLogins logins = new FakeRememberedLogins(clock);
        RememberMe rememberMe = new RememberMe(logins, sessions, accounts, accounts.demands(), throttle, audit::add, RememberMe.DEFAULT_LIFETIME, POLICY, clock);
        dev.gatehouse.domain.RememberMeToken token = done(rememberMe.remember(in.session(), "203.0.113.7"));
        assertInstanceOf(RememberMe.Restoration.Restored.class, done(rememberMe.restore(token, "203.0.113.7", "test browser", Optional.of(trust))));
    }
}
