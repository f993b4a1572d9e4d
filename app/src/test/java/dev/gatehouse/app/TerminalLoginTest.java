package dev.gatehouse.app;

import dev.gatehouse.app.config.CoreSettings;
import dev.gatehouse.app.command.Main;
import dev.gatehouse.adapter.cli.TerminalCore;
import dev.gatehouse.domain.Channel;
import dev.gatehouse.domain.SessionSummary;
import dev.gatehouse.domain.Username;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code gatehouse login} at a JLine terminal the test types into, over a real users file and the
 * session store of a running server: a terminal session is as real as a browser's.
 */
@ExtendWith(VertxExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TerminalLoginTest {

    private static final String PASSWORD = "correct horse battery staple";
    private static final String WRONG = "wrong horse battery staple";
    private static final String ENTER = "\r";
    private static final String CTRL_C = "\u0003";
    private static final String CTRL_D = "\u0004";
    /** The Up key, as a terminal sends it once JLine has put the keypad in application mode. */
    private static final String UP = "\u001bOA";

    @TempDir
    static Path dataDir;
    private TestServer server;
    private Function<CoreSettings, TerminalCore> core;
    private final ExecutorService commands = Executors.newCachedThreadPool();

    @BeforeAll
    void start(Vertx vertx) {
        server = new TestServer(vertx, dataDir);
        CommandRunner.addUser(dataDir, "alice", PASSWORD);
        // The server's own store: what the terminal does there, the web sees, and the reverse.
        core = server.terminalCore();
    }

    @AfterAll
    void stop() {
        commands.shutdownNow();
    }

    /** Runs {@code gatehouse ARGS} in the background with this terminal as its terminal; completes with the exit code. */
    private CompletableFuture<Integer> gatehouse(TestTerminal terminal, String... args) {
        CommandLine cli = Main.commandLine(core, () -> Optional.of(terminal.terminal), InputStream.nullInputStream());
        return CompletableFuture.supplyAsync(() -> cli.execute(args), commands);
    }

    private static int exitCode(CompletableFuture<Integer> command) throws Exception {
        return command.get(20, TimeUnit.SECONDS);
    }

    private List<SessionSummary> sessionsOf(String user) {
        return server.running.sessions().listLoggedIn(Optional.of(new Username(user))).toCompletableFuture().join();
    }

    private static void logInAsAlice(TestTerminal terminal) {
        terminal.expect("Username: ");
        terminal.type("alice" + ENTER);
        terminal.expect("Password: ");
        terminal.type(PASSWORD + ENTER);
        terminal.expect("Hello, alice!");
        terminal.expect("alice> ");
    }

    @Test
    void givenAWrongThenTheRightPassword_thenNeitherIsEchoedOrRecalledAndCtrlDEndsTheSession() throws Exception {
        TestTerminal terminal = new TestTerminal();
        CompletableFuture<Integer> login = gatehouse(terminal, "login");
        terminal.expect("Username: ");
        terminal.type("alice" + ENTER);
        terminal.expect("Password: ");
        terminal.type(WRONG + ENTER);
        terminal.expect("Invalid username or password.");
        terminal.expect("Username: ");
        // Up at the username prompt: were the wrong password in its history, it would come back in front of the name.
        terminal.type(UP.repeat(3) + "alice" + ENTER);
        terminal.expect("Password: ");
        terminal.type(PASSWORD + ENTER);
        terminal.expect("Hello, alice!");
        terminal.expect("alice> ");

        assertEquals(1, sessionsOf("alice").size());
        assertEquals(Channel.TERMINAL, sessionsOf("alice").get(0).channel());

        terminal.type("greet" + ENTER);
        terminal.expect("Hello, alice!");
        terminal.expect("alice> ");
        // Up, as far as history goes, then Enter: only a command can come back, never a username or password.
        terminal.type(UP.repeat(10) + ENTER);
        terminal.expect("Hello, alice!");
        terminal.expect("alice> ");
        terminal.type(CTRL_D);
        terminal.expect("Logged out.");

        assertEquals(0, exitCode(login));
        assertTrue(sessionsOf("alice").isEmpty(), "Ctrl-D ended the session in the store");
        String screen = terminal.screen();
        assertFalse(screen.contains(PASSWORD), screen);
        assertFalse(screen.contains(WRONG), screen);
    }

    @Test
    void givenCtrlC_thenTheLoginLeavesCleanlyAndEndsTheSession() throws Exception {
        TestTerminal terminal = new TestTerminal();
        CompletableFuture<Integer> login = gatehouse(terminal, "login");
        logInAsAlice(terminal);
        terminal.type("who");
        terminal.type(CTRL_C);
        terminal.expect("Logged out.");
        assertEquals(0, exitCode(login));
        assertTrue(sessionsOf("alice").isEmpty());
    }

    @Test
    void givenCommands_thenWhoamiLogoutAndUnknownCommandsAnswerAndLogoutAsksForALoginAgain() throws Exception {
        TestTerminal terminal = new TestTerminal();
        CompletableFuture<Integer> login = gatehouse(terminal, "login");
        logInAsAlice(terminal);
        String handle = sessionsOf("alice").get(0).handle();
        terminal.type("whoami" + ENTER);
        terminal.expect("alice, terminal session " + handle + ", logged in at ");
        terminal.type("rm -rf /" + ENTER);
        terminal.expect("Unknown command: rm -rf /. Type help for the commands.");
        terminal.type("help" + ENTER);
        terminal.expect("quit    end this session and leave");
        terminal.type("logout" + ENTER);
        terminal.expect("Logged out.");
        terminal.expect("Username: ");
        assertTrue(sessionsOf("alice").isEmpty());
        terminal.type(CTRL_D);
        assertEquals(0, exitCode(login));
    }

    @Test
    void givenPasswdAtTheTerminal_thenTheTerminalSessionGoesOnAndTheBrowsersEnds(Vertx vertx) throws Exception {
        // A user of its own, so that the other tests keep alice as she is.
        CommandRunner.addUser(dataDir, "dave", PASSWORD);
        server.running.users().refresh().toCompletableFuture().join();
        Browser browser = new Browser(vertx, server.port());
        assertEquals(303, browser.logIn("dave", PASSWORD).statusCode());
        TestTerminal terminal = new TestTerminal();
        CompletableFuture<Integer> login = gatehouse(terminal, "login", "--user", "dave");
        terminal.expect("Password: ");
        terminal.type(PASSWORD + ENTER);
        terminal.expect("dave> ");
        terminal.type("passwd" + ENTER);
        terminal.expect("Current password: ");
        terminal.type(PASSWORD + ENTER);
        terminal.expect("New password: ");
        terminal.type("a brand new passphrase" + ENTER);
        terminal.expect("New password again: ");
        terminal.type("a brand new passphrase" + ENTER);
        terminal.expect("Password changed. Your other sessions have been ended.");
        terminal.type("greet" + ENTER);
        terminal.expect("Hello, dave!");
        server.running.users().refresh().toCompletableFuture().join();
        assertTrue(browser.get("/").bodyAsString().contains("Welcome to Gatehouse"), "the server read the change (its timer's work)");
        assertFalse(terminal.screen().contains("a brand new passphrase"), "nothing typed at a password prompt is shown");
        terminal.type(CTRL_D);
        assertEquals(0, exitCode(login));
    }

    @Test
    void givenTheIdleTimeoutPasses_whenGreeting_thenTheTerminalSaysSoAndAsksForALoginAgain() throws Exception {
        TestTerminal terminal = new TestTerminal();
        CompletableFuture<Integer> login = gatehouse(terminal, "login");
        logInAsAlice(terminal);
        server.clock.advance(TestServer.IDLE.plus(Duration.ofSeconds(1)));
        terminal.type("greet" + ENTER);
        terminal.expect("Your session timed out. Please log in again.");
        terminal.expect("Username: ");
        assertTrue(sessionsOf("alice").isEmpty());
        terminal.type(CTRL_D);
        assertEquals(0, exitCode(login));
    }

    @Test
    void givenThreeWrongPasswords_thenTheLoginGivesUpWithExitCode1() throws Exception {
        TestTerminal terminal = new TestTerminal();
        CompletableFuture<Integer> login = gatehouse(terminal, "login", "--user", "alice");
        for (int attempt = 0; attempt < 3; attempt++) {
            terminal.expect("Password: ");
            terminal.type(WRONG + ENTER);
            terminal.expect("Invalid username or password.");
        }
        terminal.expect("Too many failed attempts.");
        assertEquals(1, exitCode(login));
        assertFalse(terminal.screen().contains("Username: "), "--user asks only for the password");
    }

    @Test
    void givenASessionMadeAtTheTerminal_thenSessionsListFindsItAndSessionsRevokeEndsIt(Vertx vertx) throws Exception {
        TestTerminal terminal = new TestTerminal();
        CompletableFuture<Integer> login = gatehouse(terminal, "login");
        logInAsAlice(terminal);
        Browser browser = new Browser(vertx, server.port());
        assertEquals(303, browser.logIn("admin", server.adminPassword).statusCode());

        CommandRunner all = CommandRunner.runWith(core, "", "sessions", "list");
        assertEquals(0, all.exitCode, all.toString());
        String alice = sessionsOf("alice").get(0).handle();
        String admin = sessionsOf("admin").get(0).handle();
        assertTrue(all.out.matches("(?s)HANDLE +USER +CHANNEL +CREATED +LAST SEEN\n"
                + admin + " +admin +web +2026-01-01 .*\n" + alice + " +alice +terminal +2026-01-01 .*\n"), all.out);
        CommandRunner onlyAlice = CommandRunner.runWith(core, "", "sessions", "list", "--user", "alice");
        assertEquals(2, onlyAlice.out.lines().count(), onlyAlice.out);

        CommandRunner revoked = CommandRunner.runWith(core, "", "sessions", "revoke", alice.substring(0, 8));
        assertEquals(0, revoked.exitCode, revoked.toString());
        assertEquals("Revoked session " + alice + " of alice.\n", revoked.out);
        terminal.type("greet" + ENTER);
        terminal.expect("An administrator ended your session. Please log in again.");
        terminal.expect("Username: ");
        terminal.type(CTRL_D);
        assertEquals(0, exitCode(login));

        assertEquals(1, CommandRunner.runWith(core, "", "sessions", "revoke", alice).exitCode, "already gone");
        assertEquals(0, CommandRunner.runWith(core, "", "sessions", "revoke", "--user", "admin").exitCode);
        String start = browser.get("/").bodyAsString();
        assertTrue(start.contains("Welcome to Gatehouse") && start.contains("An administrator ended your session."), "the browser's session ended too: " + start);
        assertEquals("No live sessions.\n", CommandRunner.runWith(core, "", "sessions", "list").out);
    }

    @Test
    void givenABadHandleOrNoTarget_thenRevokeRefusesWithUsage() {
        assertEquals(2, CommandRunner.runWith(core, "", "sessions", "revoke", "abc").exitCode);
        assertEquals(2, CommandRunner.runWith(core, "", "sessions", "revoke", "not-hex-at-all").exitCode);
        assertEquals(2, CommandRunner.runWith(core, "", "sessions", "revoke").exitCode);
        assertEquals(2, CommandRunner.runWith(core, "", "sessions", "revoke", "abcdef12", "--user", "alice").exitCode);
    }

    @Test
    void givenTheEmbeddedStore_thenTheSessionsCommandsSayPlainlyTheyCannotReachIt() {
        for (String[] command : new String[][] {{"sessions", "list"}, {"sessions", "revoke", "--user", "alice"}}) {
            CommandRunner run = CommandRunner.run("", Stream.concat(Stream.of(command), Stream.of("--data-dir", dataDir.toString()))
                    .toArray(String[]::new));
            assertEquals(3, run.exitCode, run.toString());
            assertTrue(run.err.contains("in memory inside the process that made them"), run.err);
        }
    }

    @Test
    void givenAScript_thenThePasswordComesFromStandardInputAndCommandsFromTheLinesAfter() {
        CommandRunner run = CommandRunner.runWith(core, PASSWORD + "\ngreet\nwhoami\nlogout\n", "login", "--user", "alice", "--password-stdin");
        assertEquals(0, run.exitCode, run.toString());
        assertTrue(run.out.startsWith("Hello, alice! Type help for the commands.\nHello, alice!\nalice, terminal session "), run.out);
        assertTrue(run.out.endsWith("Logged out.\n"), run.out);
        assertFalse(run.out.contains(PASSWORD));
        assertTrue(sessionsOf("alice").isEmpty());

        CommandRunner rejected = CommandRunner.runWith(core, WRONG + "\ngreet\n", "login", "--user", "alice", "--password-stdin");
        assertEquals(1, rejected.exitCode, rejected.toString());
        assertEquals("Invalid username or password.\n", rejected.out);
    }

    @Test
    void givenNoTerminalOrNoUser_thenLoginRefusesWithUsageAndSaysWhatToDo() {
        CommandRunner noTerminal = CommandRunner.runWith(core, PASSWORD + "\n", "login");
        assertEquals(2, noTerminal.exitCode);
        assertTrue(noTerminal.err.contains("--user NAME --password-stdin"), noTerminal.err);
        CommandRunner noUser = CommandRunner.runWith(core, PASSWORD + "\n", "login", "--password-stdin");
        assertEquals(2, noUser.exitCode);
        assertTrue(noUser.err.contains("needs --user NAME"), noUser.err);
    }
}
