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
 * own, in a real pseudo-terminal (util-linux's {@code script}), so that {@code System.console()}
 * asks for passwords without echo. Nothing but the dialogue may appear on that screen: no log line.
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
            StringBuilder command = new StringBuilder();
            List<String> parts = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                    System.getProperty("java.class.path"), "dev.gatehouse.app.command.Main"));
            parts.addAll(List.of(args));
            parts.addAll(List.of("--data-dir", dataDir.toString()));
            for (String part : parts) {
                command.append('\'').append(part.replace("'", "'\\''")).append("' ");
            }
            process = new ProcessBuilder("script", "-qec", command.toString(), "/dev/null").redirectErrorStream(true).start();
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
