package dev.gatehouse.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code gatehouse users}: through picocli, against a real users file; logins checked with {@code gatehouse login}. */
class UsersCommandTest {

    private static final String PASSWORD = "correct horse battery staple";

    @TempDir
    Path dataDir;

    private CommandRunner gatehouse(String stdin, String... args) {
        return CommandRunner.run(stdin, Stream.concat(Stream.of(args), Stream.of("--data-dir", dataDir.toString())).toArray(String[]::new));
    }

    private CommandRunner logIn(String user, String password) {
        return gatehouse(password + "\ngreet\n", "login", "--user", user, "--password-stdin");
    }

    @Test
    void givenTheHashIterationsSetting_thenAUserAddedAtTheTerminalIsHashedAsTheServerWouldHashIt() throws Exception {
        CommandRunner added = gatehouse(PASSWORD + "\n", "users", "add", "alice", "--password-stdin", "--hash-iterations", "150000");
        assertEquals(0, added.exitCode, added.toString());
        assertTrue(java.nio.file.Files.readString(dataDir.resolve("users.json")).contains("$pbkdf2$it=150000$"), "the configured count, not the default");
        CommandRunner weak = gatehouse(PASSWORD + "\n", "users", "add", "bob", "--password-stdin", "--hash-iterations", "5000");
        assertEquals(2, weak.exitCode, weak.toString());
        assertTrue(weak.err.contains("hash-iterations below 100000"), weak.err);
    }

    @Test
    void givenAPasswordOnStandardInput_thenTheUserIsAddedAndListed() {
        CommandRunner added = gatehouse(PASSWORD + "\n", "users", "add", "alice", "--password-stdin");
        assertEquals(0, added.exitCode, added.toString());
        assertEquals("Added user alice.\n", added.out);
        assertEquals("alice\n", gatehouse("", "users", "list").out);
    }

    @Test
    void givenNoTerminalAndNoPasswordStdin_thenTheCommandRefusesWithUsageExitCode() {
        CommandRunner.addUser(dataDir, "carol", PASSWORD);
        for (String command : new String[] {"add", "passwd"}) {
            CommandRunner run = gatehouse(PASSWORD + "\n", "users", command, "alice");
            assertEquals(2, run.exitCode, run.toString());
            assertTrue(run.err.contains("--password-stdin"), run.err);
        }
    }

    @Test
    void givenAShortPasswordOrATakenName_thenTheCommandRefusesWithExitCode1() {
        CommandRunner weak = gatehouse("too short\n", "users", "add", "bob", "--password-stdin");
        assertEquals(1, weak.exitCode);
        assertTrue(weak.err.contains("at least 15 characters"), weak.err);
        gatehouse(PASSWORD + "\n", "users", "add", "bob", "--password-stdin");
        CommandRunner taken = gatehouse("another long password\n", "users", "add", "bob", "--password-stdin");
        assertEquals(1, taken.exitCode);
        assertTrue(taken.err.contains("already exists"));
    }

    @Test
    void givenANameWithSpacesOrPunctuation_thenItIsRefusedBeforeAnyPasswordIsAskedFor() {
        CommandRunner bad = gatehouse("", "users", "add", "bad name!");
        assertEquals(1, bad.exitCode, bad.toString());
        assertEquals("gatehouse: That user cannot be added: a username is letters, digits and . _ - @ +, starting with a letter or digit.\n", bad.err);
        assertFalse(bad.err.contains("password"), "no password was asked for");
    }

    @Test
    void givenANameTypedInCapitals_thenItIsTheSameAccountShownInLowerCase() {
        CommandRunner added = gatehouse(PASSWORD + "\n", "users", "add", "Dora", "--password-stdin");
        assertEquals("Added user dora.\n", added.out, added.toString());
        CommandRunner again = gatehouse(PASSWORD + "\n", "users", "add", "DORA", "--password-stdin");
        assertEquals(1, again.exitCode);
        assertEquals("gatehouse: A user named dora already exists.\n", again.err);
        assertEquals(0, gatehouse("", "users", "disable", "dOrA").exitCode);
    }

    @Test
    void givenGroupsANameAndAnEmail_thenTheUserIsListedWithTheGroupsWhichChangeLater() throws Exception {
        CommandRunner added = gatehouse(PASSWORD + "\n", "users", "add", "bob", "--group", "staff", "--group", "OPS,qa",
                "--name", "Bob Stone", "--email", "bob@example.com", "--password-stdin");
        assertEquals(0, added.exitCode, added.toString());
        gatehouse(PASSWORD + "\n", "users", "add", "carol", "--password-stdin");
        assertEquals("bob  groups: ops, qa, staff\ncarol\n", gatehouse("", "users", "list").out);
        String file = java.nio.file.Files.readString(dataDir.resolve("users.json"));
        assertTrue(file.contains("\"displayName\" : \"Bob Stone\"") && file.contains("\"email\" : \"bob@example.com\""), file);

        assertEquals("Changed the groups of user bob.\n", gatehouse("", "users", "groups", "bob", "add", "admins").out);
        assertEquals(0, gatehouse("", "users", "groups", "BOB", "remove", "staff,qa").exitCode);
        assertEquals(0, gatehouse("", "users", "disable", "bob").exitCode);
        assertEquals("bob (disabled)  groups: admins, ops\ncarol\n", gatehouse("", "users", "list").out);

        CommandRunner nobody = gatehouse("", "users", "groups", "dave", "add", "ops");
        assertEquals(1, nobody.exitCode);
        assertEquals("gatehouse: There is no user named dave.\n", nobody.err);
    }

    @Test
    void givenABadGroupOrEmail_thenNothingIsAskedAndNothingChanges() {
        CommandRunner group = gatehouse("", "users", "add", "bob", "--group", "has space");
        assertEquals(2, group.exitCode, group.toString());
        assertTrue(group.err.contains("'has space': a group is 1 to 64 letters, digits and . _ -"), group.err);
        CommandRunner email = gatehouse("", "users", "add", "bob", "--email", "not an address");
        assertEquals(1, email.exitCode, email.toString());
        assertEquals("gatehouse: That user cannot be added: an e-mail address looks like name@example.com.\n", email.err);
        CommandRunner change = gatehouse("", "users", "groups", "bob", "join", "ops");
        assertEquals(2, change.exitCode, change.toString());
        assertFalse(java.nio.file.Files.exists(dataDir.resolve("users.json")), "nothing was written");
    }

    @Test
    void givenANameWithControlCharacters_thenItIsRefusedAndNothingRawReachesTheTerminal() {
        CommandRunner.addUser(dataDir, "carol", PASSWORD);
        CommandRunner add = gatehouse(PASSWORD + "\n", "users", "add", "evil\u001b[2Jname", "--password-stdin");
        assertEquals(1, add.exitCode);
        assertTrue(add.err.contains("control"), add.err);
        CommandRunner remove = gatehouse("", "users", "remove", "evil\u001b[2Jname");
        assertEquals(1, remove.exitCode);
        assertEquals("gatehouse: There is no user named evil\\u001b[2Jname.\n", remove.err);
        for (CommandRunner run : new CommandRunner[] {add, remove}) {
            assertFalse(run.err.contains("\u001b") || run.out.contains("\u001b"), run.toString());
        }
    }

    @Test
    void givenPasswd_thenOnlyTheNewPasswordLogsIn() {
        gatehouse(PASSWORD + "\n", "users", "add", "alice", "--password-stdin");
        CommandRunner passwd = gatehouse("a brand new passphrase\n", "users", "passwd", "alice", "--password-stdin");
        assertEquals(0, passwd.exitCode, passwd.toString());
        assertEquals("Changed the password of user alice.\n", passwd.out);
        assertEquals(1, logIn("alice", PASSWORD).exitCode);
        assertEquals(0, logIn("alice", "a brand new passphrase").exitCode);

        CommandRunner weak = gatehouse("short\n", "users", "passwd", "alice", "--password-stdin");
        assertEquals(1, weak.exitCode);
        assertTrue(weak.err.contains("at least 15 characters"), weak.err);
        assertEquals(1, gatehouse(PASSWORD + "\n", "users", "passwd", "nobody", "--password-stdin").exitCode);
        CommandRunner common = gatehouse("qwertyuiopasdfgh\n", "users", "passwd", "alice", "--password-stdin");
        assertEquals(1, common.exitCode);
        assertTrue(common.err.startsWith("gatehouse: The password is too easy to guess"), common.err);
    }

    @Test
    void givenDisableEnableAndRemove_thenTheListAndLoginFollow() {
        gatehouse(PASSWORD + "\n", "users", "add", "alice", "--password-stdin");
        gatehouse(PASSWORD + "\n", "users", "add", "bob", "--password-stdin");

        assertEquals("Disabled user bob.\n", gatehouse("", "users", "disable", "bob").out);
        assertEquals("alice\nbob (disabled)\n", gatehouse("", "users", "list").out);
        CommandRunner disabled = logIn("bob", PASSWORD);
        assertEquals(1, disabled.exitCode, disabled.toString());
        assertTrue(disabled.out.contains("Invalid username or password."), "the same message as a wrong password");

        assertEquals("Enabled user bob.\n", gatehouse("", "users", "enable", "bob").out);
        assertEquals(0, logIn("bob", PASSWORD).exitCode);

        assertEquals("Removed user bob.\n", gatehouse("", "users", "remove", "bob").out);
        assertEquals("alice\n", gatehouse("", "users", "list").out);
        assertEquals(1, logIn("bob", PASSWORD).exitCode);
        CommandRunner again = gatehouse("", "users", "remove", "bob");
        assertEquals(1, again.exitCode);
        assertEquals("gatehouse: There is no user named bob.\n", again.err);
    }

    @Test
    void givenAnUnusableDataDirectory_thenTheCommandSaysSoWithExitCode3() throws Exception {
        Path notADirectory = java.nio.file.Files.writeString(dataDir.resolve("file"), "x");
        CommandRunner run = CommandRunner.run("", "users", "list", "--data-dir", notADirectory.toString());
        assertEquals(3, run.exitCode, run.toString());
        assertTrue(run.err.startsWith("gatehouse: ") && run.err.contains("Not a directory"), run.err);
    }

    @Test
    void givenHelp_thenEveryCommandDescribesItself() {
        for (String[] command : new String[][] {{"users"}, {"users", "add"}, {"users", "passwd"}, {"users", "disable"},
            {"users", "enable"}, {"users", "remove"}, {"users", "list"}, {"login"}, {"sessions"}, {"sessions", "list"},
            {"sessions", "revoke"}}) {
            CommandRunner help = CommandRunner.run("", Stream.concat(Stream.of(command), Stream.of("--help")).toArray(String[]::new));
            assertEquals(0, help.exitCode, String.join(" ", command));
            assertTrue(help.out.startsWith("Usage: gatehouse " + String.join(" ", command)), help.out);
        }
    }
}
