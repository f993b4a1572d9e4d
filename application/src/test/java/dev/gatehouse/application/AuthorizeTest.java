package dev.gatehouse.application;

import dev.gatehouse.domain.AuditEvent;
import dev.gatehouse.domain.Channel;
import dev.gatehouse.domain.Group;
import dev.gatehouse.domain.Session;
import dev.gatehouse.domain.SessionEnd;
import dev.gatehouse.domain.SessionPolicy;
import dev.gatehouse.domain.Username;
import dev.gatehouse.domain.access.AccessRule;
import dev.gatehouse.domain.access.AccessRules;
import dev.gatehouse.domain.access.HostPattern;
import dev.gatehouse.domain.access.Policy;
import dev.gatehouse.domain.access.Resource;
import dev.gatehouse.domain.access.Subject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AuthorizeTest {

    private static final Username ALICE = new Username("alice");
    private static final Username BOB = new Username("bob");

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T09:00:00Z"));
    private final FakeSessions sessions = new FakeSessions();
    private final FakeAccounts accounts = new FakeAccounts();
    private final List<AuditEvent> audit = new ArrayList<>();
    private final Greet greet = new Greet(sessions, accounts, audit::add, SessionPolicy.DEFAULT, clock);
    /** Admins only under /admin, staff everywhere else on app.example.com. */
    private final Authorize authorize = new Authorize(greet, accounts, new AccessRules(List.of(
            new AccessRule(2, List.of(new HostPattern("app.example.com")), List.of(Pattern.compile("^/admin")), Set.of(), List.of(),
                    List.of(Subject.parse("group:admins")), Policy.ONE_FACTOR),
            new AccessRule(5, List.of(new HostPattern("app.example.com")), List.of(Pattern.compile("^/admin")), Set.of(), List.of(), List.of(),
                    Policy.DENY),
            new AccessRule(8, List.of(new HostPattern("app.example.com")), List.of(), Set.of(), List.of(), List.of(Subject.parse("group:staff")),
                    Policy.ONE_FACTOR)), Policy.DENY), audit::add);

    AuthorizeTest() {
        accounts.put(ALICE, "alice's password");
        accounts.put(BOB, "bob's password");
        accounts.changeGroups(ALICE, Set.of(new Group("staff"), new Group("admins")), Set.of());
        accounts.changeGroups(BOB, Set.of(new Group("staff")), Set.of());
    }

    private static <T> T done(CompletionStage<T> stage) {
        return stage.toCompletableFuture().join();
    }

    private Session loggedIn(Username user) {
        Session session = Session.startAnonymous(Channel.WEB, clock.instant()).loggedInAs(user, accounts.accounts.get(user).version(), clock.instant());
        done(sessions.save(session));
        return session;
    }

    private AuthorizeResult ask(Optional<Session> session, String path) {
        return done(authorize.authorize(new AuthorizeCommand(session.map(Session::id), new Resource("GET", "app.example.com", path, Optional.empty()))));
    }

    @Test
    void givenAUserTheRulesLetThrough_thenAllowedWithTheirProfileAndNothingAudited() {
        AuthorizeResult result = ask(Optional.of(loggedIn(ALICE)), "/admin/users?token=secret");
        AuthorizeResult.Allowed allowed = assertInstanceOf(AuthorizeResult.Allowed.class, result);
        assertEquals(ALICE, allowed.user().orElseThrow().user());
        assertEquals(List.of("admins", "staff"), allowed.user().orElseThrow().groups().stream().map(Group::name).toList());
        assertEquals(List.of(), audit);
    }

    @Test
    void givenAUserTheRulesRefuse_thenDeniedAndAuditedWithThePathButNotTheQuery() {
        AuthorizeResult result = ask(Optional.of(loggedIn(BOB)), "/admin/users?token=secret");
        assertInstanceOf(AuthorizeResult.Denied.class, result);
        assertEquals(List.of(new AuditEvent(AuditEvent.Kind.ACCESS_DENIED, BOB, null, null,
                "GET app.example.com/admin/users: denied by the rule at line 5 (deny)")), audit);
    }

    @Test
    void givenNobody_thenLoginRequiredAndAudited() {
        AuthorizeResult.LoginRequired login = assertInstanceOf(AuthorizeResult.LoginRequired.class, ask(Optional.empty(), "/reports?q=1"));
        assertEquals(Optional.empty(), login.sessionEnded());
        assertEquals("GET app.example.com/reports: login required by the rule at line 8 (one_factor)", audit.get(0).detail());
    }

    @Test
    void givenASessionThatEndedMidWay_thenLoginRequiredSayingWhy() {
        Session bobs = loggedIn(BOB);
        assertInstanceOf(AuthorizeResult.Allowed.class, ask(Optional.of(bobs), "/"));
        done(accounts.setDisabled(BOB, true));
        AuthorizeResult.LoginRequired login = assertInstanceOf(AuthorizeResult.LoginRequired.class, ask(Optional.of(bobs), "/"));
        assertEquals(Optional.of(SessionEnd.ENDED_BY_ADMINISTRATOR), login.sessionEnded());

        Session alices = loggedIn(ALICE);
        clock.advance(SessionPolicy.DEFAULT.idleTimeout());
        assertEquals(Optional.of(SessionEnd.TIMED_OUT),
                assertInstanceOf(AuthorizeResult.LoginRequired.class, ask(Optional.of(alices), "/")).sessionEnded());
    }

    @Test
    void givenAGroupChange_thenTheNextRequestFollowsItWithoutANewLogin() {
        Session bobs = loggedIn(BOB);
        assertInstanceOf(AuthorizeResult.Denied.class, ask(Optional.of(bobs), "/admin"));
        done(accounts.changeGroups(BOB, Set.of(new Group("admins")), Set.of()));
        assertInstanceOf(AuthorizeResult.Allowed.class, ask(Optional.of(bobs), "/admin"));
        done(accounts.changeGroups(BOB, Set.of(), Set.of(new Group("staff"), new Group("admins"))));
        assertTrue(ask(Optional.of(bobs), "/") instanceof AuthorizeResult.Denied, "out of every group: only the default is left");
    }
}
