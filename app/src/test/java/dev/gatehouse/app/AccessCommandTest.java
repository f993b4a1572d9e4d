package dev.gatehouse.app;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code gatehouse access check}: which rule decides, on which line, for whom; and the format in its help. */
class AccessCommandTest {

    @TempDir
    Path dataDir;
    private Path rules;

    @BeforeEach
    void usersAndRules() throws Exception {
        rules = dataDir.resolve("rules.yaml");
        Files.writeString(rules, AccessRulesFileTest.EXAMPLE);
        CommandRunner.run("correct horse battery staple\n", "users", "add", "carol", "--group", "staff", "--password-stdin",
                "--data-dir", dataDir.toString());
    }

    private CommandRunner check(String... args) {
        String[] all = new String[args.length + 6];
        System.arraycopy(new String[] {"access", "check", "--access-rules", rules.toString(), "--data-dir", dataDir.toString()}, 0, all, 0, 6);
        System.arraycopy(args, 0, all, 6, args.length);
        return CommandRunner.run("", all);
    }

    @Test
    void givenAUserAndARequest_thenTheDecidingRuleAndItsLineAreSaidAndTheExitCodeFollows() {
        CommandRunner denied = check("--user", "carol", "GET", "https://app.example.com/admin/users");
        assertEquals(1, denied.exitCode, denied.toString());
        assertEquals("GET https://app.example.com/admin/users\n  as carol, in staff\n  denied by the rule at line 14 (deny) of " + rules + "\n",
                denied.out);

        CommandRunner allowed = check("--user", "CAROL", "GET", "https://wiki.example.com/page");
        assertEquals(0, allowed.exitCode);
        assertTrue(allowed.out.endsWith("  allowed by the rule at line 20 (one_factor) of " + rules + "\n"), allowed.out);

        CommandRunner nobody = check("--from", "10.9.8.7", "POST", "https://app.example.com/form");
        assertEquals(0, nobody.exitCode, "a bypass by network: " + nobody);
        assertTrue(nobody.out.contains("  as nobody logged in, from 10.9.8.7\n  allowed by the rule at line 17 (bypass)"), nobody.out);

        CommandRunner stranger = check("GET", "https://other.example.net/");
        assertEquals(1, stranger.exitCode);
        assertTrue(stranger.out.contains("denied by the default policy"), stranger.out);
    }

    @Test
    void givenMistakes_thenEachIsOneClearLine() {
        CommandRunner unknown = check("--user", "dave", "GET", "https://app.example.com/");
        assertEquals(1, unknown.exitCode);
        assertEquals("gatehouse: There is no user named dave who can log in (unknown or disabled).\n", unknown.err);
        CommandRunner notAUrl = check("GET", "app.example.com/x");
        assertEquals(2, notAUrl.exitCode);
        assertTrue(notAUrl.err.startsWith("gatehouse: 'app.example.com/x' is not an address such as https://app.example.com/admin."), notAUrl.err);
        CommandRunner name = check("--from", "gateway.local", "GET", "https://app.example.com/");
        assertEquals(2, name.exitCode);
        assertTrue(name.err.contains("--from is an address such as 10.1.2.3, not a name."), name.err);
    }

    @Test
    void givenHelp_thenTheRulesFormatIsExplained() {
        String help = CommandRunner.run("", "access", "--help").out;
        assertTrue(help.contains("default: deny") && help.contains("subject: [group:ops, user:bob]") && help.contains("policy: one_factor"), help);
        assertTrue(CommandRunner.run("", "access", "check", "--help").out.contains("--access-rules=FILE"));
    }
}
