package dev.gatehouse.adapter.cli;

import dev.gatehouse.application.AddUser;
import dev.gatehouse.application.ChangeGroups;
import dev.gatehouse.application.ExplainAccess;
import dev.gatehouse.domain.access.AccessRules;
import dev.gatehouse.application.ChangeOwnPassword;
import dev.gatehouse.application.CompleteLogin;
import dev.gatehouse.application.EnrolAuthenticator;
import dev.gatehouse.application.FakeAuthenticatorKeys;
import dev.gatehouse.application.FakeSealer;
import dev.gatehouse.application.ManageSecondFactors;
import dev.gatehouse.application.Reauthenticate;
import dev.gatehouse.application.ResetSecondFactor;
import dev.gatehouse.application.FakeAuthenticatorCodes;
import dev.gatehouse.application.VerifySecondFactor;
import dev.gatehouse.application.ChangePassword;
import dev.gatehouse.application.FakeAccounts;
import dev.gatehouse.application.FakeBlocklist;
import dev.gatehouse.application.FakeRememberedLogins;
import dev.gatehouse.application.FakeSessions;
import dev.gatehouse.application.FakeSigner;
import dev.gatehouse.application.FakeThrottle;
import dev.gatehouse.application.Greet;
import dev.gatehouse.application.ListSessions;
import dev.gatehouse.application.ListUsers;
import dev.gatehouse.application.LogIn;
import dev.gatehouse.application.LogOut;
import dev.gatehouse.application.MutableClock;
import dev.gatehouse.application.RemoveUser;
import dev.gatehouse.application.RevokeSessions;
import dev.gatehouse.application.SetUserEnabled;
import dev.gatehouse.domain.AuditLog;
import dev.gatehouse.domain.Channel;
import dev.gatehouse.domain.Session;
import dev.gatehouse.domain.SessionPolicy;
import dev.gatehouse.domain.Username;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The terminal adapter on its own: its picocli commands run as a person or a script would run
 * them, over the use cases on the application's fakes (which pass the stores' contracts). What is
 * tested is the translation: arguments in, words and exit codes out. The wired product's
 * commands, over real files, Redis and PostgreSQL, are tested in the app module.
 */
class TerminalCommandsTest {

    private static final String PASSWORD = "correct horse battery staple";
    private static final Username ALICE = new Username("alice");

    @TempDir
    Path dataDir;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T09:00:00Z"));
    private final FakeAccounts users = new FakeAccounts();
    private final FakeSessions sessions = new FakeSessions();
    private final AuditLog audit = event -> { };
    private boolean storeReachable = true;
    private boolean sessionsShared = true;

    TerminalCommandsTest() {
        users.put(ALICE, PASSWORD);
    }

    /**
     * The core the commands drive, as the composition root would open it, or a store that cannot
     * be reached. As the root's options do, it is a picocli mixin with an option of its own.
     */
    private final TerminalCore.Access access = new FakesCore();

    private final class FakesCore implements TerminalCore.Access {

        @CommandLine.Option(names = "--data-dir")
        Path chosenDataDir;

        @Override
        public TerminalCore open() {
            if (!storeReachable) {
                throw new IllegalStateException("Connection refused: 127.0.0.1:6379");
            }
            SessionPolicy policy = SessionPolicy.DEFAULT;
            FakeThrottle throttle = new FakeThrottle();
            FakeRememberedLogins remembered = new FakeRememberedLogins(clock);
            Greet greet = new Greet(sessions, users, audit, policy, clock);
            ListSessions listSessions = new ListSessions(sessions, users, audit, policy, clock);
            TerminalCore.UserAdministration userAdministration = new TerminalCore.UserAdministration(new AddUser(users, FakeBlocklist.REPEATS, audit),
                    new ChangePassword(users, FakeBlocklist.REPEATS, audit), new SetUserEnabled(users, audit), new RemoveUser(users, audit),
                    new ListUsers(users), new ChangeGroups(users, audit), new ResetSecondFactor(users, audit));
            EnrolAuthenticator enrol = new EnrolAuthenticator(users, new FakeAuthenticatorKeys(), new FakeAuthenticatorCodes(), new FakeSealer(),
                    sessions, audit, "Gatehouse", clock);
            TerminalCore.LoginUseCases login = new TerminalCore.LoginUseCases(new LogIn(sessions, users, users.demands(), throttle, new FakeSigner(),
                    audit, policy, clock),
                    new CompleteLogin(sessions, users, users, new VerifySecondFactor(users, new FakeAuthenticatorCodes(), throttle, audit, clock), enrol,
                            new FakeSigner(), audit, policy, clock), greet,
                    new LogOut(sessions, remembered, audit, policy, clock),
                    new ChangeOwnPassword(greet, sessions, throttle, users, FakeBlocklist.REPEATS, audit, clock),
                    new Reauthenticate(greet, sessions, users, throttle, audit, clock),
                    enrol, new ManageSecondFactors(users, users, sessions, users.demands(), audit, clock));
            Optional<TerminalCore.SessionAdministration> administration = sessionsShared
                    ? Optional.of(new TerminalCore.SessionAdministration(listSessions, new RevokeSessions(listSessions, sessions, remembered, audit)))
                    : Optional.empty();
            return new TerminalCore() {
                @Override
                public TerminalCore.UserAdministration users() {
                    return userAdministration;
                }

                @Override
                public TerminalCore.LoginUseCases login() {
                    return login;
                }

                @Override
                public Optional<TerminalCore.SessionAdministration> sessions() {
                    return administration;
                }

                @Override
                public ExplainAccess explainAccess(AccessRules rules) {
                    return new ExplainAccess(users, rules);
                }

                @Override
                public void close() {
                }
            };
        }

        @Override
        public Path dataDir() {
            return chosenDataDir != null ? chosenDataDir : dataDir;
        }
    }

    private record Run(int exitCode, String out, String err) {
    }

    private Run run(Object command, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine line = new CommandLine(command);
        line.setOut(new PrintWriter(out, true));
        line.setErr(new PrintWriter(err, true));
        int exit = line.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    private UsersCommand users(String stdin) {
        return new UsersCommand(access, PasswordSource.system(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void givenUsersAdd_thenEachOutcomeHasItsOwnWordsAndExitCode() {
        Run added = run(users("a brand new passphrase\n"), "add", "bob", "--password-stdin");
        assertEquals(new Run(ExitCodes.OK, "Added user bob.\n", ""), added);

        Run exists = run(users("a brand new passphrase\n"), "add", "alice", "--password-stdin");
        assertEquals(ExitCodes.REFUSED, exists.exitCode());
        assertTrue(exists.err().contains("A user named alice already exists."), exists.err());

        Run invalid = run(users("a brand new passphrase\n"), "add", "bell\u0007name", "--password-stdin");
        assertEquals(ExitCodes.REFUSED, invalid.exitCode());
        assertTrue(invalid.err().startsWith("gatehouse: That user cannot be added: "), invalid.err());

        Run weak = run(users("short\n"), "add", "carol", "--password-stdin");
        assertEquals(ExitCodes.REFUSED, weak.exitCode());
        assertFalse(users.accounts.containsKey(new Username("carol")));
    }

    /** A person at the terminal, typing these answers in turn; the prompts they were asked are kept. */
    private static final class Typist implements PasswordSource {
        final List<String> asked = new ArrayList<>();
        private final Deque<String> answers;

        Typist(String... answers) {
            this.answers = new ArrayDeque<>(List.of(answers));
        }

        @Override
        public Optional<char[]> prompt(String prompt) {
            asked.add(prompt);
            return Optional.ofNullable(answers.poll()).map(String::toCharArray);
        }

        @Override
        public Optional<char[]> readLine() {
            return Optional.empty();
        }
    }

    @Test
    void givenATooShortThenAMismatchedThenAGoodPassword_thenItAsksAgainNamingTheUserAndAddsThemOnce() {
        Typist typist = new Typist("short", "a brand new passphrase", "another passphrase", "a brand new passphrase", "a brand new passphrase");

        Run run = run(new UsersCommand(access, typist), "add", "bob");

        assertEquals(ExitCodes.OK, run.exitCode(), run.err());
        assertEquals("Added user bob.\n", run.out());
        assertEquals(List.of("New password for bob: ", "New password for bob: ", "Repeat the password for bob: ", "New password for bob: ",
                "Repeat the password for bob: "), typist.asked, "the repeat is asked only of a password the policy takes");
        assertEquals("The password must be at least 15 characters long. Try another.\nThe passwords do not match. Try again.\n", run.err());
    }

    @Test
    void givenAPasswordTheBlocklistRefuses_thenItIsExplainedAndAskedAgain_andThreeTriesEndIt() {
        String repeated = "passwordpassword";
        Typist typist = new Typist(repeated, repeated, repeated, repeated, repeated, repeated);

        Run run = run(new UsersCommand(access, typist), "add", "bob");

        assertEquals(ExitCodes.REFUSED, run.exitCode());
        assertEquals(6, typist.asked.size(), "three tries, each typed twice");
        assertTrue(run.err().endsWith("gatehouse: No password was set after 3 tries; nothing changed.\n"), run.err());
        assertTrue(run.err().contains("too easy to guess"), run.err());
        assertFalse(users.accounts.containsKey(new Username("bob")));
    }

    @Test
    void givenAChangeToAUserWhoIsNotThere_thenItSaysSoAndChangesNothing() {
        Run missing = run(users(""), "disable", "carol");

        assertEquals(ExitCodes.REFUSED, missing.exitCode());
        assertTrue(missing.err().contains("There is no user named carol."), missing.err());
        assertEquals(new Run(ExitCodes.OK, "Disabled user alice.\n", ""), run(users(""), "disable", "alice"));
    }

    @Test
    void givenAStoreThatCannotBeReached_thenOneLineSaysSoWithExitCode3AndNoStackTrace() {
        storeReachable = false;

        Run unavailable = run(users(""), "list");

        assertEquals(ExitCodes.UNAVAILABLE, unavailable.exitCode());
        assertEquals("gatehouse: a store Gatehouse needs is unavailable: Connection refused: 127.0.0.1:6379\n", unavailable.err());
    }

    @Test
    void givenSessionsRevoke_thenAnUnknownHandleAndAnInvalidOneAreToldApart() {
        Session alices = Session.startAnonymous(Channel.WEB, clock.instant()).loggedInAs(ALICE, users.accounts.get(ALICE).version(), clock.instant());
        sessions.stored.put(alices.id(), alices);

        Run invalid = run(new SessionsCommand(access), "revoke", "zz");
        Run unknown = run(new SessionsCommand(access), "revoke", "0123456789abcdef");
        Run revoked = run(new SessionsCommand(access), "revoke", "--user", "alice");

        assertEquals(ExitCodes.USAGE, invalid.exitCode());
        assertTrue(invalid.err().contains("hexadecimal"), invalid.err());
        assertEquals(ExitCodes.REFUSED, unknown.exitCode());
        assertTrue(unknown.err().contains("No live session has the handle 0123456789abcdef."), unknown.err());
        assertEquals(new Run(ExitCodes.OK, "Revoked session " + alices.id().handle() + " of alice.\n", ""), revoked);
        assertTrue(sessions.stored.isEmpty());
    }

    @Test
    void givenSessionsOfThisProcessOnly_thenTheSessionsCommandsSayTheyMeanNothingHere() {
        sessionsShared = false;

        Run refused = run(new SessionsCommand(access), "list");

        assertEquals(new Run(ExitCodes.UNAVAILABLE, "", "gatehouse: " + SessionsCommand.NOT_SHARED + "\n"), refused);
    }

    @Test
    void givenAScriptedLogin_thenItIsGreetedByNameAndLoggingOutEndsTheSession() throws IOException {
        String script = PASSWORD + "\ngreet\nlogout\n";
        LoginCommand login = new LoginCommand(access, Optional::empty, new ByteArrayInputStream(script.getBytes(StandardCharsets.UTF_8)));

        Run run = run(login, "--user", "alice", "--password-stdin");

        assertEquals(ExitCodes.OK, run.exitCode(), run.err());
        assertTrue(run.out().contains("Hello, alice!"), run.out());
        assertTrue(run.out().contains("Logged out."), run.out());
        assertTrue(sessions.stored.isEmpty(), "the terminal's session ended with the logout");
    }
}
