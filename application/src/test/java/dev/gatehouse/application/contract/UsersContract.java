package dev.gatehouse.application.contract;

import dev.gatehouse.domain.Authentication;
import dev.gatehouse.domain.Credentials;
import dev.gatehouse.domain.Group;
import dev.gatehouse.domain.Password;
import dev.gatehouse.domain.UserProfile;
import dev.gatehouse.domain.UserSummary;
import dev.gatehouse.domain.Users;
import dev.gatehouse.domain.SecondFactors;
import dev.gatehouse.domain.secondfactor.TotpSecret;
import dev.gatehouse.domain.Username;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CompletionStage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What every user directory must do, whatever keeps the users (the users file now, PostgreSQL
 * later): check passwords, manage accounts, and move a user's credential version whenever a
 * session made before must end. Each implementation's test extends this.
 */
public abstract class UsersContract {

    protected static final String PASSWORD = "correct horse battery staple";
    private static final Username ALICE = new Username("alice");
    private static final Username BOB = new Username("bob");


    private Users users;

    protected abstract Users createUsers();

    @BeforeEach
    protected void setUpDirectory() {
        users = createUsers();
    }

    protected static <T> T done(CompletionStage<T> stage) {
        return stage.toCompletableFuture().join();
    }

    private Authentication logIn(Username name, String password) {
        return done(users.authenticate(new Credentials(name, Password.of(password))));
    }

    private OptionalLong version(Username name) {
        return done(users.current(name));
    }

    private void add(Username name) {
        assertTrue(done(users.addIfAbsent(name, Password.of(PASSWORD))));
    }

    @Test
    protected void givenAUser_thenOnlyTheRightPasswordAuthenticatesAndTheNameIsTaken() {
        add(ALICE);
        Authentication.Authenticated in = assertInstanceOf(Authentication.Authenticated.class, logIn(ALICE, PASSWORD));
        assertEquals(ALICE, in.username());
        assertEquals(version(ALICE).orElseThrow(), in.credentialVersion(), "a login carries the version sessions are checked against");
        assertInstanceOf(Authentication.Rejected.class, logIn(ALICE, PASSWORD + "!"));
        assertInstanceOf(Authentication.Rejected.class, logIn(new Username("nobody"), PASSWORD));
        assertFalse(done(users.addIfAbsent(ALICE, Password.of("another long password"))), "the name is taken");
    }

    @Test
    protected void givenAUserWithGroupsANameAndAnEmail_thenTheProfileIsKeptAndGroupsChangeWithoutEndingAnything() {
        UserProfile bob = new UserProfile(BOB, new java.util.TreeSet<>(Set.of(new Group("staff"))), java.util.Optional.of("Bob Stone"),
                java.util.Optional.of("bob@example.com"));
        assertTrue(done(users.addIfAbsent(bob, Password.of(PASSWORD))));
        assertEquals(java.util.Optional.of(bob), done(users.profile(BOB)));
        long version = version(BOB).orElseThrow();

        assertTrue(done(users.changeGroups(BOB, Set.of(new Group("ops"), new Group("staff")), Set.of())));
        assertEquals(java.util.List.of(new Group("ops"), new Group("staff")), java.util.List.copyOf(done(users.profile(BOB)).orElseThrow().groups()));
        assertEquals("Bob Stone", done(users.profile(BOB)).orElseThrow().displayName().orElseThrow(), "the rest of the profile stays");
        assertEquals(version, version(BOB).orElseThrow(), "a group is no credential: no session ends");
        assertEquals(java.util.List.of(new UserSummary(BOB, false, new java.util.TreeSet<>(Set.of(new Group("ops"), new Group("staff"))))),
                done(users.list()));

        assertTrue(done(users.changeGroups(BOB, Set.of(new Group("admins")), Set.of(new Group("staff"), new Group("never-in")))));
        assertEquals(java.util.List.of(new Group("admins"), new Group("ops")), java.util.List.copyOf(done(users.profile(BOB)).orElseThrow().groups()));
        assertTrue(done(users.changeGroups(BOB, Set.of(), Set.of(new Group("admins"), new Group("ops")))));
        assertEquals(java.util.Set.of(), done(users.profile(BOB)).orElseThrow().groups());
        assertFalse(done(users.changeGroups(new Username("nobody"), Set.of(new Group("ops")), Set.of())), "no such user");
        assertTrue(done(users.setDisabled(BOB, true)));
        assertEquals(java.util.Optional.empty(), done(users.profile(BOB)), "a disabled user has no profile to pass on");
        assertEquals(java.util.Optional.empty(), done(users.profile(new Username("nobody"))));
    }

    @Test
    protected void givenAnEnrolledAuthenticator_thenItsSecretAndRecoveryCodesComeBackAndEachIsUsedOnce() {
        add(ALICE);
        assertEquals(java.util.Optional.of(SecondFactors.NONE), done(users.secondFactors(ALICE)), "nothing enrolled yet");
        TotpSecret secret = TotpSecret.generate(new java.security.SecureRandom());
        assertTrue(done(users.enrol(ALICE, secret, Set.of("hash-one", "hash-two"))));
        SecondFactors enrolled = done(users.secondFactors(ALICE)).orElseThrow();
        assertEquals(java.util.Optional.of(secret), enrolled.totp());
        assertEquals(Set.of("hash-one", "hash-two"), enrolled.recoveryCodeHashes());
        long version = version(ALICE).orElseThrow();

        assertTrue(done(users.useStep(ALICE, 100)));
        assertFalse(done(users.useStep(ALICE, 100)), "a step counts once");
        assertFalse(done(users.useStep(ALICE, 99)), "and nothing before it");
        assertTrue(done(users.useStep(ALICE, 101)));
        assertEquals(101, done(users.secondFactors(ALICE)).orElseThrow().lastUsedStep());
        assertTrue(done(users.useRecoveryCode(ALICE, "hash-one")));
        assertFalse(done(users.useRecoveryCode(ALICE, "hash-one")), "a recovery code works once");
        assertFalse(done(users.useRecoveryCode(ALICE, "hash-never-issued")));
        assertEquals(Set.of("hash-two"), done(users.secondFactors(ALICE)).orElseThrow().recoveryCodeHashes());
        assertTrue(done(users.replaceRecoveryCodes(ALICE, Set.of("hash-three"))));
        assertFalse(done(users.useRecoveryCode(ALICE, "hash-two")), "a new set ends the old one");
        assertEquals(version, version(ALICE).orElseThrow(), "no credential version moves for these");

        assertTrue(done(users.reset(ALICE)));
        assertEquals(java.util.Optional.of(SecondFactors.NONE), done(users.secondFactors(ALICE)));
        assertNotEquals(version, version(ALICE).orElseThrow(), "a reset is a credential change: every session of the user ends");
        assertFalse(done(users.useStep(ALICE, 200)), "nothing enrolled, no code counts");
        assertEquals(java.util.Optional.empty(), done(users.secondFactors(BOB)), "no such user");
        assertFalse(done(users.enrol(BOB, secret, Set.of())));
    }

    @Test
    protected void givenTrustedBrowsers_thenTheyAreKeptNewestFirstUpToTheMostListedAndForgottenOneByOne() {
        add(ALICE);
        java.time.Instant now = java.time.Instant.parse("2026-03-01T10:00:00Z");
        assertTrue(done(users.enrol(ALICE, TotpSecret.generate(new java.security.SecureRandom()), Set.of("hash-one"))));
        java.util.List<dev.gatehouse.domain.TrustedBrowser.Issued> issued = new java.util.ArrayList<>();
        for (int i = 0; i < dev.gatehouse.domain.TrustedBrowser.MAX_PER_USER + 2; i++) {
            dev.gatehouse.domain.TrustedBrowser.Issued browser = dev.gatehouse.domain.TrustedBrowser.issue("Firefox on Linux " + i, now.plusSeconds(i));
            issued.add(browser);
            assertTrue(done(users.trustBrowser(ALICE, browser.browser(), now.plusSeconds(i))));
        }
        SecondFactors factors = done(users.secondFactors(ALICE)).orElseThrow();
        assertEquals(dev.gatehouse.domain.TrustedBrowser.MAX_PER_USER, factors.trustedBrowsers().size(), "the oldest beyond the most go");
        assertEquals("Firefox on Linux 11", factors.trustedBrowsers().get(0).label());
        assertTrue(factors.trusts(issued.get(11).token(), now.plusSeconds(20)));
        assertFalse(factors.trusts(issued.get(0).token(), now.plusSeconds(20)), "replaced");
        assertFalse(factors.trusts(issued.get(11).token(), now.plus(dev.gatehouse.domain.TrustedBrowser.TRUST_FOR).plusSeconds(20)), "30 days");
        assertEquals(Set.of("hash-one"), factors.recoveryCodeHashes(), "the other factors stay");

        assertTrue(done(users.forgetBrowser(ALICE, issued.get(11).browser().tokenHash())));
        assertFalse(done(users.forgetBrowser(ALICE, issued.get(11).browser().tokenHash())), "once");
        assertFalse(done(users.secondFactors(ALICE)).orElseThrow().trusts(issued.get(11).token(), now.plusSeconds(20)));
        assertTrue(done(users.useStep(ALICE, 7)));
        assertEquals(dev.gatehouse.domain.TrustedBrowser.MAX_PER_USER - 1, done(users.secondFactors(ALICE)).orElseThrow().trustedBrowsers().size(),
                "a code used keeps them");
        assertTrue(done(users.reset(ALICE)));
        assertTrue(done(users.secondFactors(ALICE)).orElseThrow().trustedBrowsers().isEmpty(), "a reset forgets them all");
        assertFalse(done(users.trustBrowser(BOB, issued.get(0).browser(), now)), "no such user");
    }

    @Test
    protected void givenPasskeys_thenTheyAreKeptNamedFoundByIdCountedUpOnlyRenamedAndRemoved() throws Exception {
        add(ALICE);
        add(BOB);
        java.time.Instant now = java.time.Instant.parse("2026-03-01T10:00:00Z");
        dev.gatehouse.domain.Passkey laptop = new dev.gatehouse.domain.Passkey("Y3JlZGVudGlhbC1vbmU", "cHVibGljLWtleQ", "00000000-0000-0000-0000-000000000000",
                3, "laptop", now, java.util.Optional.empty());
        assertTrue(done(users.addPasskey(ALICE, laptop)));
        assertFalse(done(users.addPasskey(BOB, laptop)), "a credential is one user's");
        assertEquals(java.util.Optional.of(ALICE), done(users.ownerOfPasskey(laptop.credentialId())));
        assertEquals(java.util.Optional.empty(), done(users.ownerOfPasskey("bm8tc3VjaA")));
        SecondFactors factors = done(users.secondFactors(ALICE)).orElseThrow();
        assertEquals(java.util.List.of(laptop), factors.passkeys());
        assertTrue(factors.any() && !factors.enrolled(), "a passkey is a second factor; no authenticator app is set up");

        assertFalse(done(users.usePasskey(ALICE, laptop.credentialId(), 3, now.plusSeconds(1))), "a counter that does not go up: a clone");
        // Two logins with the same counter at once: one counts.
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            java.util.List<java.util.concurrent.Future<Boolean>> tries = new java.util.ArrayList<>();
            for (int i = 0; i < 4; i++) {
                tries.add(pool.submit(() -> done(users.usePasskey(ALICE, laptop.credentialId(), 4, now.plusSeconds(2)))));
            }
            int won = 0;
            for (java.util.concurrent.Future<Boolean> attempt : tries) {
                won += attempt.get() ? 1 : 0;
            }
            assertEquals(1, won);
        } finally {
            pool.shutdownNow();
        }
        dev.gatehouse.domain.Passkey used = done(users.secondFactors(ALICE)).orElseThrow().passkey(laptop.credentialId()).orElseThrow();
        assertEquals(4, used.signCount());
        assertEquals(java.util.Optional.of(now.plusSeconds(2)), used.lastUsedAt());

        assertTrue(done(users.renamePasskey(ALICE, laptop.credentialId(), "work laptop")));
        assertEquals("work laptop", done(users.secondFactors(ALICE)).orElseThrow().passkeys().get(0).name());
        assertFalse(done(users.renamePasskey(BOB, laptop.credentialId(), "mine")), "only its owner's");
        assertFalse(done(users.removePasskey(BOB, laptop.credentialId())));
        assertTrue(done(users.removePasskey(ALICE, laptop.credentialId())));
        assertTrue(done(users.secondFactors(ALICE)).orElseThrow().passkeys().isEmpty());
        assertTrue(done(users.addPasskey(ALICE, laptop)));
        assertTrue(done(users.reset(ALICE)));
        assertTrue(done(users.secondFactors(ALICE)).orElseThrow().passkeys().isEmpty(), "a reset forgets them");
    }

    @Test
    protected void givenTwoLoginsRacingWithOneCodeOrOneRecoveryCode_thenExactlyOneWins() throws Exception {
        add(ALICE);
        assertTrue(done(users.enrol(ALICE, TotpSecret.generate(new java.security.SecureRandom()), Set.of("hash-one"))));
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            for (long step = 10; step < 14; step++) {
                long racing = step;
                java.util.List<java.util.concurrent.Future<Boolean>> tries = new java.util.ArrayList<>();
                for (int i = 0; i < 4; i++) {
                    tries.add(pool.submit(() -> done(users.useStep(ALICE, racing))));
                }
                int won = 0;
                for (java.util.concurrent.Future<Boolean> attempt : tries) {
                    won += attempt.get() ? 1 : 0;
                }
                assertEquals(1, won, "step " + step);
            }
            java.util.List<java.util.concurrent.Future<Boolean>> recoveries = new java.util.ArrayList<>();
            for (int i = 0; i < 4; i++) {
                recoveries.add(pool.submit(() -> done(users.useRecoveryCode(ALICE, "hash-one"))));
            }
            int used = 0;
            for (java.util.concurrent.Future<Boolean> attempt : recoveries) {
                used += attempt.get() ? 1 : 0;
            }
            assertEquals(1, used);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    protected void givenANameTypedInAnotherCase_thenItIsTheSameUser() {
        add(new Username("Alice"));
        assertInstanceOf(Authentication.Authenticated.class, logIn(new Username("ALICE"), PASSWORD));
        assertEquals(ALICE, assertInstanceOf(Authentication.Authenticated.class, logIn(ALICE, PASSWORD)).username());
        assertFalse(done(users.addIfAbsent(new Username("aLiCe"), Password.of("another long password"))), "one account, whatever the case");
        assertEquals(version(ALICE), version(new Username("ALICE")));
        assertEquals(java.util.List.of(new UserSummary(ALICE, false)), done(users.list()), "listed as it is shown: lower case");
    }

    @Test
    protected void givenAPasswordChange_thenOnlyTheNewPasswordWorksTheVersionMovesAndOthersAreUntouched() {
        add(ALICE);
        add(BOB);
        long before = version(ALICE).orElseThrow();
        long bobs = version(BOB).orElseThrow();
        assertTrue(done(users.changePassword(ALICE, Password.of("a brand new passphrase"))));
        assertInstanceOf(Authentication.Rejected.class, logIn(ALICE, PASSWORD));
        assertInstanceOf(Authentication.Authenticated.class, logIn(ALICE, "a brand new passphrase"));
        assertNotEquals(before, version(ALICE).orElseThrow());
        assertEquals(bobs, version(BOB).orElseThrow());
        assertInstanceOf(Authentication.Authenticated.class, logIn(BOB, PASSWORD));
        assertFalse(done(users.changePassword(new Username("carol"), Password.of(PASSWORD))), "no such user");
    }

    @Test
    protected void givenDisableAndEnable_thenLoginFollowsAndTheOldVersionNeverComesBack() {
        add(ALICE);
        long before = version(ALICE).orElseThrow();
        assertTrue(done(users.setDisabled(ALICE, true)));
        assertInstanceOf(Authentication.Rejected.class, logIn(ALICE, PASSWORD));
        assertTrue(version(ALICE).isEmpty(), "a disabled user has no version: every session of theirs ends");
        assertEquals(Set.of(new UserSummary(ALICE, true)), Set.copyOf(done(users.list())));
        assertTrue(done(users.setDisabled(ALICE, false)));
        assertInstanceOf(Authentication.Authenticated.class, logIn(ALICE, PASSWORD));
        assertNotEquals(before, version(ALICE).orElseThrow(), "sessions from before the disabling stay ended");
        assertFalse(done(users.setDisabled(new Username("carol"), true)));
    }

    @Test
    protected void givenARemovedUserAddedAgain_thenTheyGetANewVersion() {
        add(ALICE);
        add(BOB);
        long before = version(ALICE).orElseThrow();
        assertTrue(done(users.remove(ALICE)));
        assertInstanceOf(Authentication.Rejected.class, logIn(ALICE, PASSWORD));
        assertTrue(version(ALICE).isEmpty());
        assertEquals(Set.of(new UserSummary(BOB, false)), Set.copyOf(done(users.list())));
        assertFalse(done(users.remove(ALICE)), "nobody left to remove");
        add(ALICE);
        assertNotEquals(before, version(ALICE).orElseThrow(), "no session of the removed alice works for the new one");
    }
}
