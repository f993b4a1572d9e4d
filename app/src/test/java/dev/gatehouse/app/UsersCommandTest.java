package dev.gatehouse.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code gatehouse users}: through picocli, against a real users file. */
class UsersCommandTest {

    @TempDir
    Path dataDir;

    private UsersCommandRunner users(String stdin, String... args) {
        String[] withDir = new String[args.length + 2];
        System.arraycopy(args, 0, withDir, 0, args.length);
        withDir[args.length] = "--data-dir";
        withDir[args.length + 1] = dataDir.toString();
        return UsersCommandRunner.run(stdin, withDir);
    }

    @Test
    void givenAPasswordOnStandardInput_thenTheUserIsAddedAndListed() {
        UsersCommandRunner added = users("correct horse battery staple\n", "add", "alice", "--password-stdin");
        assertEquals(0, added.exitCode, added.err);
        assertEquals("Added user alice.\n", added.out.replace("\r", ""));
        UsersCommandRunner list = users("", "list");
        assertEquals("alice\n", list.out.replace("\r", ""));
    }

    @Test
    void givenNoTerminalAndNoPasswordStdin_thenTheCommandRefusesWithUsageExitCode() {
        UsersCommandRunner run = users("correct horse battery staple\n", "add", "alice");
        assertEquals(2, run.exitCode);
        assertTrue(run.err.contains("--password-stdin"), run.err);
    }

    @Test
    void givenAShortPasswordOrATakenName_thenTheCommandRefusesWithExitCode1() {
        UsersCommandRunner weak = users("too short\n", "add", "bob", "--password-stdin");
        assertEquals(1, weak.exitCode);
        assertTrue(weak.err.contains("at least 15 characters"), weak.err);
        users("correct horse battery staple\n", "add", "bob", "--password-stdin");
        UsersCommandRunner taken = users("another long password\n", "add", "bob", "--password-stdin");
        assertEquals(1, taken.exitCode);
        assertTrue(taken.err.contains("already exists"));
    }

    @Test
    void givenANameWithControlCharacters_thenItIsRefusedAndNothingRawReachesTheTerminal() {
        UsersCommandRunner run = users("correct horse battery staple\n", "add", "evil\u001b[2Jname", "--password-stdin");
        assertEquals(1, run.exitCode);
        assertTrue(run.err.contains("control"), run.err);
        assertTrue(!run.err.contains("\u001b") && !run.out.contains("\u001b"));
    }

    @Test
    void givenHelp_thenEveryCommandDescribesItself() {
        UsersCommandRunner help = users("", "add", "--help");
        assertEquals(0, help.exitCode);
        assertTrue(help.out.contains("--password-stdin"));
    }
}
