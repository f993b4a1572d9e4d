package dev.gatehouse.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How the commands talk to a person who got something wrong: one prefix, what is wrong, and what to do. */
class CommandLineTest {

    @TempDir
    Path dir;

    @Test
    void givenAMistypedOptionOrSubcommand_thenOneLineSuggestsTheNearestAndPointsAtTheHelp() {
        CommandRunner option = CommandRunner.run("", "serve", "--prot", "1");
        CommandRunner subcommand = CommandRunner.run("", "users", "lst");

        assertEquals(2, option.exitCode);
        assertEquals("gatehouse: Unknown options: '--prot', '1'. Did you mean --port?\nSee 'gatehouse serve --help'.\n", option.err);
        assertEquals(2, subcommand.exitCode);
        assertTrue(subcommand.err.startsWith("gatehouse: ") && subcommand.err.contains("Did you mean list?"), subcommand.err);
    }

    @Test
    void givenNoSubcommand_thenTheOverviewIsShown() {
        CommandRunner bare = CommandRunner.run("");

        assertEquals(2, bare.exitCode);
        assertTrue(bare.out.startsWith("Usage: gatehouse"), bare.out);
        assertTrue(bare.out.contains("serve") && bare.out.contains("users") && bare.out.contains("login"), bare.out);
        assertEquals("", bare.err);
    }

    @Test
    void givenACommandsHelp_thenItsOwnOptionsComeFirstThenTheSharedOnesThenExamples() {
        String help = CommandRunner.run("", "users", "add", "--help").out;

        int own = help.indexOf("--password-stdin");
        int shared = help.indexOf("Shared by every command");
        int sessionStore = help.indexOf("--session-store=STORE");
        int examples = help.indexOf("Examples:");
        assertTrue(help.startsWith("Usage: gatehouse users add [OPTIONS] USERNAME"), help);
        assertTrue(own > 0 && own < shared && shared < sessionStore && sessionStore < examples, help);
        assertTrue(help.contains("gatehouse users add alice --password-stdin"), help);
    }

    @Test
    void givenNoUsersFileWhereTheCommandLooks_thenItSaysWhereItLookedAndMakesNothingThere() {
        Path elsewhere = dir.resolve("not-the-server's");

        CommandRunner list = CommandRunner.run("", "users", "list", "--data-dir", elsewhere.toString());

        assertEquals(3, list.exitCode);
        assertEquals("gatehouse: there is no users file at " + elsewhere.toAbsolutePath().resolve("users.json") + ". Run this where "
                + "`gatehouse serve` runs or give its --data-dir; `gatehouse users add NAME` makes the first user.\n", list.err);
        assertFalse(Files.exists(elsewhere), "nothing is made in a directory that may be the wrong one");
    }

    @Test
    void givenABrokenUsersFile_thenTheErrorNamesTheFileTheLineAndTheWayBackWithoutTheParsersInternals() throws Exception {
        CommandRunner.addUser(dir, "alice", "correct horse battery staple");
        Files.writeString(dir.resolve("users.json"), "{\"format\": 1, \"users\": [");

        CommandRunner list = CommandRunner.run("", "users", "list", "--data-dir", dir.toString());

        assertEquals(3, list.exitCode);
        assertEquals("gatehouse: " + dir.resolve("users.json") + " is not valid JSON (line 1, column 25). Fix it, or restore it from a "
                + "backup; deleting it makes the next start create a new admin.\n", list.err);
    }

    @Test
    void givenAPortAlreadyTaken_thenServeNamesItAndTheFlagThatMovesIt() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CommandRunner serve = CommandRunner.runIn(Map.of(), "serve", "--port", String.valueOf(taken.getLocalPort()), "--data-dir", dir.toString());

            assertEquals(3, serve.exitCode);
            assertEquals("gatehouse: cannot listen on 127.0.0.1:" + taken.getLocalPort() + ": another program already listens there. "
                    + "Stop it, or choose another port with --port.\n", serve.err);
        }
    }

    @Test
    void givenNoMetricsPort_thenConfigSaysOffAsTheHelpDoes() {
        assertTrue(CommandRunner.run("", "config").out.contains("\nmetrics-port: off  # default\n"));
        assertTrue(CommandRunner.run("", "serve", "--help").out.contains("(default: off)"));
    }
}
