package dev.gatehouse.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The terminal commands as a person sees them: the real launcher's main class in a process of its
 * own, in a real pseudo-terminal (util-linux's {@code script}, or tmux for the login shell), so that
 * passwords are asked for without echo. Nothing but the dialogue may appear on that screen: no log line.
 */
class PseudoTerminalTest {

    private static final String PASSWORD = "correct horse battery staple";

    @TempDir
    Path dataDir;

    /** A command running in a pseudo-terminal: its screen as it grows, and a keyboard that types only once a prompt has appeared. */
    private static final class OnATerminal {
        private final Process process;
        private final StringBuilder screen = new StringBuilder();
        private int seen;

        OnATerminal(Path dataDir, String... args) throws IOException {
            process = new ProcessBuilder("script", "-qec", gatehouse(dataDir, args), "/dev/null").redirectErrorStream(true).start();
            Thread reader = new Thread(() -> {
                try (var in = new java.io.InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8)) {
                    char[] chunk = new char[4096];
                    for (int read; (read = in.read(chunk)) >= 0; ) {
                        synchronized (screen) {
                            screen.append(chunk, 0, read);
                            screen.notifyAll();
                        }
                    }
                } catch (IOException closed) {
                    // The command ended: the screen is complete.
                }
            });
            reader.setDaemon(true);
            reader.start();
        }

        /** Waits for {@code text} to appear after what was already seen (an event; the bound only stops a hung test). */
        void expect(String text) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            synchronized (screen) {
                while (screen.indexOf(text, seen) < 0) {
                    long left = deadline - System.nanoTime();
                    assertTrue(left > 0, "the terminal never showed \"" + text + "\"; it shows: " + screen);
                    screen.wait(TimeUnit.NANOSECONDS.toMillis(left) + 1);
                }
                seen = screen.indexOf(text, seen) + text.length();
            }
        }

        void type(String line) throws IOException {
            process.getOutputStream().write((line + "\n").getBytes(StandardCharsets.UTF_8));
            process.getOutputStream().flush();
        }

        /** Waits for the command to end, and returns everything its screen showed. */
        String end() throws InterruptedException, IOException {
            process.getOutputStream().close();
            assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the command did not end: " + screen);
            synchronized (screen) {
                return screen.toString().replace("\r", "");
            }
        }
    }

    /** A shell command line that runs Gatehouse's main class, as the launcher would, on this data directory. */
    private static String gatehouse(Path dataDir, String... args) {
        StringBuilder command = new StringBuilder();
        List<String> parts = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), "dev.gatehouse.app.command.Main"));
        parts.addAll(List.of(args));
        parts.addAll(List.of("--data-dir", dataDir.toString()));
        for (String part : parts) {
            command.append('\'').append(part.replace("'", "'\\''")).append("' ");
        }
        return command.toString();
    }

    /**
     * A command in a terminal emulator: tmux, on a server of its own, 100 columns wide. JLine asks
     * its terminal questions that {@code script} leaves unanswered, so the login shell runs here.
     */
    private static final class InTmux implements AutoCloseable {
        private final String server = "gatehouse-test-" + ProcessHandle.current().pid() + "-" + System.nanoTime();
        /** tmux in control mode: it reports every byte the pane writes as it writes it, so the test waits on output, not on a clock. */
        private final Process control;
        /** Everything the pane has written, as the terminal received it. */
        private final StringBuilder output = new StringBuilder();
        private int seen;

        InTmux(Path dataDir, String... args) throws IOException, InterruptedException {
            // The command waits for the control client to be listening, so none of its output is missed;
            // the pane stays after it ends, so that its last words can be read.
            String tmux = "tmux -L " + server;
            tmux("new-session", "-d", "-s", "t", "-x", "100", "-y", "50",
                    tmux + " wait-for go; " + gatehouse(dataDir, args) + "; echo \"[exit $?]\"; " + tmux + " wait-for never");
            control = new ProcessBuilder("tmux", "-L", server, "-C", "attach", "-t", "t").redirectErrorStream(true).start();
            Thread reader = new Thread(this::readOutput);
            reader.setDaemon(true);
            reader.start();
            tmux("wait-for", "-S", "go");
        }

        /** Reads the control client's {@code %output} notifications into {@link #output}, waking whoever waits. */
        private void readOutput() {
            try (var lines = new java.io.BufferedReader(new java.io.InputStreamReader(control.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = lines.readLine()) != null; ) {
                    if (line.startsWith("%output ")) {
                        String written = unescape(line.substring(line.indexOf(' ', 8) + 1));
                        synchronized (output) {
                            output.append(written);
                            output.notifyAll();
                        }
                    }
                }
            } catch (IOException closed) {
                // The server is gone: everything was read.
            }
        }

        /** Control mode writes bytes below a space, and the backslash, as octal escapes. */
        private static String unescape(String escaped) {
            StringBuilder plain = new StringBuilder();
            for (int i = 0; i < escaped.length(); i++) {
                char c = escaped.charAt(i);
                if (c == '\\' && i + 3 < escaped.length()) {
                    plain.append((char) Integer.parseInt(escaped.substring(i + 1, i + 4), 8));
                    i += 3;
                } else {
                    plain.append(c);
                }
            }
            return plain.toString();
        }

        private String tmux(String... args) throws IOException, InterruptedException {
            List<String> command = new java.util.ArrayList<>(List.of("tmux", "-L", server));
            command.addAll(List.of(args));
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0, "tmux " + args[0] + ": " + out);
            return out;
        }

        /** Everything the screen has shown, scrolled-off lines included, without the blank rows below. */
        String screen() throws IOException, InterruptedException {
            return tmux("capture-pane", "-p", "-J", "-S", "-", "-t", "t").stripTrailing();
        }

        /** Waits for {@code text} to be written after what was already seen (an event; the bound only stops a hung test). */
        void expect(String text) throws InterruptedException {
            expectOneOf(text);
        }

        /** Waits for the first of these to be written after what was already seen, and says which. */
        String expectOneOf(String... texts) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            synchronized (output) {
                while (true) {
                    String first = null;
                    for (String text : texts) {
                        int at = output.indexOf(text, seen);
                        if (at >= 0 && (first == null || at < output.indexOf(first, seen))) {
                            first = text;
                        }
                    }
                    if (first != null) {
                        seen = output.indexOf(first, seen) + first.length();
                        return first;
                    }
                    long left = deadline - System.nanoTime();
                    assertTrue(left > 0, "the terminal never showed " + List.of(texts) + "; it was sent:\n" + output);
                    output.wait(TimeUnit.NANOSECONDS.toMillis(left) + 1);
                }
            }
        }

        /** Types a line, as a person would, and presses Enter. */
        void type(String line) throws IOException, InterruptedException {
            tmux("send-keys", "-t", "t", "-l", line);
            tmux("send-keys", "-t", "t", "Enter");
        }

        void press(String key) throws IOException, InterruptedException {
            tmux("send-keys", "-t", "t", key);
        }

        /** Ends the tmux server and whatever still runs in it, the control client included. */
        @Override
        public void close() throws IOException {
            try {
                new ProcessBuilder("tmux", "-L", server, "kill-server").start().waitFor(30, TimeUnit.SECONDS);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
            control.destroy();
        }
    }

    @Test
    @dev.gatehouse.application.services.Needs(dev.gatehouse.application.services.Needs.Service.TMUX)
    void givenLoginInATerminalEmulator_thenTheScreenHoldsTheDialogueAloneAndAPasswordChangedElsewhereIsSaid() throws Exception {
        CommandRunner.addUser(dataDir, "alice", PASSWORD);
        try (InTmux terminal = new InTmux(dataDir, "login")) {
            terminal.expect("Username:");
            terminal.type("alice");
            terminal.expect("Password:");
            terminal.type("not her password at all");
            terminal.expect("Invalid username or password.");
            terminal.expect("Username:");
            terminal.type("alice");
            terminal.expect("Password:");
            terminal.type(PASSWORD);
            terminal.expect("Hello, alice! Type help for the commands.");
            terminal.type("greet");
            terminal.expect("Hello, alice!");
            terminal.expect("alice>");

            // Another process changes her password; within a second this login reads the users again.
            String fresh = "mauve kettle drifts over quiet rooftops";
            assertEquals(0, CommandRunner.run(fresh + "\n", "users", "passwd", "alice", "--password-stdin", "--data-dir", dataDir.toString()).exitCode);
            String ended = "Your password was changed, so this session ended. Log in with the new one.";
            // Each greet is answered at once; the one after the re-read says why the session ended.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            String answer;
            do {
                assertTrue(System.nanoTime() < deadline, "the change was never noticed:\n" + terminal.screen());
                terminal.type("greet");
                answer = terminal.expectOneOf("Hello, alice!", ended);
            } while (!answer.equals(ended));
            terminal.expect("Username:");
            terminal.press("C-d");
            terminal.expect("[exit 0]");

            String screen = terminal.screen();
            assertFalse(screen.contains(PASSWORD) || screen.contains("not her password"), "nothing typed at a password prompt is shown:\n" + screen);
            assertFalse(screen.contains("AUDIT") || screen.contains("INFO") || screen.contains("WARN") || screen.contains("ERROR"),
                    "no log line on the screen:\n" + screen);
        }
    }

    @Test
    @dev.gatehouse.application.services.Needs(dev.gatehouse.application.services.Needs.Service.TMUX)
    void givenTwoFactorSetUpAtTheTerminal_thenTheQrCodeAndKeyShowAndTheNextLoginAsksForACode() throws Exception {
        CommandRunner.addUser(dataDir, "alice", PASSWORD);
        try (InTmux terminal = new InTmux(dataDir, "login")) {
            terminal.expect("Username:");
            terminal.type("alice");
            terminal.expect("Password:");
            terminal.type(PASSWORD);
            terminal.expect("alice>");
            terminal.type("2fa setup");
            terminal.expect("Password:");
            terminal.type(PASSWORD);
            terminal.expect("Scan this with your authenticator app:");
            terminal.expect("Code from the app:");
            java.util.regex.Matcher key = java.util.regex.Pattern.compile("Or add a time-based key by hand: ([A-Z2-7 ]+)").matcher(terminal.screen());
            assertTrue(key.find(), terminal.screen());
            assertTrue(terminal.screen().contains("▀") && terminal.screen().contains("▄"), "the QR code in half blocks:\n" + terminal.screen());
            // What the phone would show now: the terminal's process reads the system clock, and a code is good for a step either side.
            dev.gatehouse.domain.secondfactor.TotpSecret secret = new dev.gatehouse.domain.secondfactor.TotpSecret(
                    new io.vertx.ext.auth.otp.OtpKey().setKey(key.group(1).replace(" ", "")).getKeyBytes());
            terminal.type(new dev.gatehouse.adapter.vertx.driven.signing.HmacAuthenticatorCodes().code(secret,
                    dev.gatehouse.domain.secondfactor.Totp.step(java.time.Instant.now())));
            terminal.expect("Two-factor authentication is on.");
            terminal.expect("keep them apart from your phone:");
            terminal.expect("alice>");
            java.util.regex.Matcher recovery = java.util.regex.Pattern.compile("  ([0-9a-z]{4}-[0-9a-z]{4}-[0-9a-z]{4})").matcher(terminal.screen());
            assertTrue(recovery.find(), terminal.screen());

            terminal.type("logout");
            terminal.expect("Username:");
            terminal.type("alice");
            terminal.expect("Password:");
            terminal.type(PASSWORD);
            terminal.expect("Code:");
            terminal.type(recovery.group(1));
            terminal.expect("That recovery code is used up: 9 left.");
            terminal.expect("Hello, alice!");
            terminal.type("quit");
            terminal.expect("[exit 0]");

            String screen = terminal.screen();
            assertFalse(screen.contains(PASSWORD), "no password on the screen:\n" + screen);
            assertFalse(screen.contains("AUDIT") || screen.contains("INFO") || screen.contains("WARN") || screen.contains("ERROR"),
                    "no log line on the screen:\n" + screen);
        }
    }

    @Test
    void givenMistakesAtATerminal_thenEachIsOneLineThatSaysWhatToDo() throws Exception {
        String mistyped = new OnATerminal(dataDir, "serve", "--prot", "1").end();
        assertEquals("gatehouse: Unknown options: '--prot', '1'. Did you mean --port?\nSee 'gatehouse serve --help'.\n", mistyped);

        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            String busy = new OnATerminal(dataDir, "serve", "--port", String.valueOf(taken.getLocalPort())).end();
            assertEquals("gatehouse: cannot listen on 127.0.0.1:" + taken.getLocalPort() + ": another program already listens there. "
                    + "Stop it, or choose another port with --port.\n", busy);
        }

        CommandRunner.addUser(dataDir, "alice", PASSWORD);
        java.nio.file.Files.writeString(dataDir.resolve("users.json"), "{\"format\": 1, \"users\": [");
        String broken = new OnATerminal(dataDir, "users", "list").end();
        assertEquals("gatehouse: " + dataDir.resolve("users.json") + " is not valid JSON (line 1, column 25). Fix it, or restore it from a "
                + "backup; deleting it makes the next start create a new admin.\n", broken);
    }

    @Test
    void givenUsersAddAtATerminal_thenItNamesTheUserAsksAgainOnATooShortPasswordAndShowsNoLogLine() throws Exception {
        OnATerminal terminal = new OnATerminal(dataDir, "users", "add", "bob");
        terminal.expect("New password for bob: ");
        terminal.type("short");
        terminal.expect("The password must be at least 15 characters long. Try another.");
        terminal.expect("New password for bob: ");
        terminal.type(PASSWORD);
        terminal.expect("Repeat the password for bob: ");
        terminal.type(PASSWORD);
        terminal.expect("Added user bob.");
        String screen = terminal.end();

        assertFalse(screen.contains(PASSWORD) || screen.contains("short\n"), "nothing typed at a password prompt is shown: " + screen);
        assertFalse(screen.contains("AUDIT") || screen.contains("INFO") || screen.contains("WARN"), "no log line on the screen: " + screen);
        assertTrue(CommandRunner.run("", "users", "list", "--data-dir", dataDir.toString()).out.contains("bob"));
    }

    /**
     * The login shell's own dialogue is read from a JLine terminal by {@code TerminalLoginTest}; here, a
     * command that refuses says so in one line and nothing else. (JLine asks a real terminal emulator
     * for its capabilities, which {@code script} does not answer, so the shell is not driven here.)
     */
    @Test
    void givenASessionsCommandThatCannotWorkHere_thenTheScreenHoldsItsOneLineAndNoLogLine() throws Exception {
        CommandRunner.addUser(dataDir, "alice", PASSWORD);

        String screen = new OnATerminal(dataDir, "sessions", "list").end();

        assertTrue(screen.startsWith("gatehouse: Sessions are kept in memory"), screen);
        assertEquals(1, screen.strip().lines().count(), screen);
    }
}
