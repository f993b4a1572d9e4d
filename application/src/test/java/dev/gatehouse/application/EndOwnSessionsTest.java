package dev.gatehouse.application;

import dev.gatehouse.domain.Channel;
import dev.gatehouse.domain.Session;
import dev.gatehouse.domain.SessionPolicy;
import dev.gatehouse.domain.Username;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

class EndOwnSessionsTest {

    private static final Username ALICE = new Username("alice");
    private static final Username BOB = new Username("bob");

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T09:00:00Z"));
    private final FakeSessions sessions = new FakeSessions();
    private final FakeAccounts accounts = new FakeAccounts();
    private final Greet greet = new Greet(sessions, accounts, event -> { }, SessionPolicy.DEFAULT, clock);
    private final ListSessions listSessions = new ListSessions(sessions, accounts, event -> { }, SessionPolicy.DEFAULT, clock);
    private final EndOwnSessions endOwnSessions = new EndOwnSessions(new ListOwnSessions(greet, listSessions), sessions,
            new FakeRememberedLogins(clock), event -> { });

    EndOwnSessionsTest() {
        accounts.put(ALICE, "alice's password");
        accounts.put(BOB, "bob's password");
    }

    private static <T> T done(CompletionStage<T> stage) {
        return stage.toCompletableFuture().join();
    }

    private Session loggedIn(Username user) {
        Session session = Session.startAnonymous(Channel.WEB, clock.instant())
                .loggedInAs(user, accounts.accounts.get(user).version(), clock.instant());
        done(sessions.save(session));
        return session;
    }

    private EndOwnSessionsResult end(Session here, String csrf, EndOwnSessionsCommand.Which which) {
        return done(endOwnSessions.end(new EndOwnSessionsCommand(Optional.of(here.id()), csrf, which)));
    }

    private Set<Session> left() {
        return Set.copyOf(sessions.stored.values());
    }

    @Test
    void givenAllOthers_thenEveryOtherSessionOfTheUserEndsAndNobodyElses() {
        Session here = loggedIn(ALICE);
        loggedIn(ALICE);
        loggedIn(ALICE);
        Session bobs = loggedIn(BOB);

        assertEquals(new EndOwnSessionsResult.Ended(2), end(here, here.csrfToken().value(), new EndOwnSessionsCommand.Which.AllOthers()));
        assertEquals(Set.of(here.id(), bobs.id()), left().stream().map(Session::id).collect(Collectors.toSet()));
    }

    @Test
    void givenTheHandleOfSomeoneElsesSession_thenNothingEnds() {
        Session here = loggedIn(ALICE);
        Session bobs = loggedIn(BOB);

        assertEquals(new EndOwnSessionsResult.Ended(0), end(here, here.csrfToken().value(), new EndOwnSessionsCommand.Which.One(bobs.id().handle())));
        assertEquals(Set.of(here, bobs), left());
    }

    @Test
    void givenOneOfTheUsersOwnHandles_thenThatSessionAloneEnds() {
        Session here = loggedIn(ALICE);
        Session phone = loggedIn(ALICE);

        assertEquals(new EndOwnSessionsResult.Ended(1), end(here, here.csrfToken().value(), new EndOwnSessionsCommand.Which.One(phone.id().handle())));
        assertEquals(Set.of(here), left());
    }

    @Test
    void givenAForgedTokenOrNoSession_thenNothingEnds() {
        Session here = loggedIn(ALICE);
        Session phone = loggedIn(ALICE);

        assertEquals(new EndOwnSessionsResult.FormExpired(), end(here, "forged", new EndOwnSessionsCommand.Which.AllOthers()));
        assertEquals(new EndOwnSessionsResult.NotLoggedIn(), done(endOwnSessions.end(
                new EndOwnSessionsCommand(Optional.empty(), here.csrfToken().value(), new EndOwnSessionsCommand.Which.AllOthers()))));
        assertEquals(Set.of(here, phone), left());
    }
}
