package dev.gatehouse.application;

import dev.gatehouse.domain.AuditEvent;
import dev.gatehouse.domain.Channel;
import dev.gatehouse.domain.CredentialVersions;
import dev.gatehouse.domain.RememberMeToken;
import dev.gatehouse.domain.Session;
import dev.gatehouse.domain.SessionEnd;
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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The one answer to "who is this request", with the session, the credential check and the remembered login in it. */
class IdentifyTest {

    private static final Username ALICE = new Username("alice");

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T09:00:00Z"));
    private final FakeSessions sessions = new FakeSessions();
    private final FakeRememberedLogins logins = new FakeRememberedLogins(clock);
    private final List<AuditEvent> audit = new ArrayList<>();
    private final Map<Username, Long> versions = new HashMap<>(Map.of(ALICE, 7L));
    private final CredentialVersions credentials = user -> CompletableFuture.completedFuture(
            versions.containsKey(user) ? OptionalLong.of(versions.get(user)) : OptionalLong.empty());
    private final RememberMe rememberMe = new RememberMe(logins, sessions, credentials, new FakeAccounts().demands(), new FakeThrottle(), audit::add, Duration.ofDays(30),
            SessionPolicy.DEFAULT, clock);
    private final Identify identify = new Identify(new Greet(sessions, credentials, audit::add, SessionPolicy.DEFAULT, clock), rememberMe);

    private Identity who(Optional<Session> session, Optional<RememberMeToken> token) {
        return identify.identify(new IdentifyCommand(session.map(Session::id),
                        () -> token.map(remembered -> new IdentifyCommand.Remembered(remembered, "203.0.113.7", "Firefox on Linux"))))
                .toCompletableFuture().join();
    }

    private Session loggedIn() {
        Session session = Session.startAnonymous(Channel.WEB, clock.instant()).loggedInAs(ALICE, 7L, clock.instant());
        sessions.save(session);
        return session;
    }

    @Test
    void givenALiveSession_thenItsUserFreshlyLoggedIn_andNoTokenToRotate() {
        Session session = loggedIn();
        Identity.LoggedIn in = assertInstanceOf(Identity.LoggedIn.class, who(Optional.of(session), Optional.empty()));
        assertEquals(ALICE, in.user());
        assertEquals(session.id(), in.session().id());
        assertTrue(in.fresh());
        assertEquals(Optional.empty(), in.rotatedToken());
    }

    @Test
    void givenASessionWhosePasswordChanged_thenNobody_andTheSessionSaidToHaveEnded() {
        Session session = loggedIn();
        versions.put(ALICE, 8L);
        Identity.Anonymous nobody = assertInstanceOf(Identity.Anonymous.class, who(Optional.of(session), Optional.empty()));
        assertEquals(Optional.of(SessionEnd.PASSWORD_CHANGED), nobody.sessionEnded());
        assertFalse(nobody.rememberedRefused());
    }

    @Test
    void givenNoSessionButARememberedLogin_thenANewSessionNotFresh_andTheRotatedToken() {
        RememberMeToken token = rememberMe.remember(loggedIn(), "203.0.113.7").toCompletableFuture().join();
        Identity.LoggedIn in = assertInstanceOf(Identity.LoggedIn.class, who(Optional.empty(), Optional.of(token)));
        assertEquals(ALICE, in.user());
        assertFalse(in.fresh(), "remembered, not typed");
        assertTrue(in.rotatedToken().orElseThrow().matches(logins.stored.get(token.selectorKey()).validatorHash()));
    }

    @Test
    void givenATokenWorthNothing_thenNobody_andTheBrowserToForgetIt() {
        Identity.Anonymous nobody = assertInstanceOf(Identity.Anonymous.class, who(Optional.empty(), Optional.of(RememberMeToken.generate())));
        assertTrue(nobody.rememberedRefused());
        assertEquals(Optional.empty(), nobody.sessionEnded());
    }
}
