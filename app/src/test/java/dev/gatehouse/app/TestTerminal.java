package dev.gatehouse.app;

import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A JLine terminal whose keyboard is the test and whose screen is kept as text. The test types a
 * line only after the prompt that reads it has appeared ({@link #expect}), as a person would: a
 * wait on what the program prints, never on the clock.
 */
final class TestTerminal {

    /** Only a guard against a hung test: a passing test waits milliseconds for each prompt. */
    private static final Duration PATIENCE = Duration.ofSeconds(20);

    private final PipedOutputStream keyboard = new PipedOutputStream();
    private final ByteArrayOutputStream screen = new ByteArrayOutputStream();
    private int seen;
    final Terminal terminal;

    TestTerminal() {
        try {
            PipedInputStream keys = new PipedInputStream(keyboard, 4096);
            OutputStream display = new OutputStream() {
                @Override
                public void write(int b) {
                    write(new byte[] {(byte) b}, 0, 1);
                }

                @Override
                public void write(byte[] bytes, int offset, int length) {
                    synchronized (screen) {
                        screen.write(bytes, offset, length);
                        screen.notifyAll();
                    }
                }
            };
            terminal = TerminalBuilder.builder().system(false).streams(keys, display).type("xterm")
                    .encoding(StandardCharsets.UTF_8).size(Size.of(120, 40)).build();
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
    }

    /** Types the keys as they are: end a line with {@code \r}, as the Enter key sends. */
    void type(String keys) {
        try {
            keyboard.write(keys.getBytes(StandardCharsets.UTF_8));
            keyboard.flush();
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
    }

    /** Waits until the screen shows {@code text} after what earlier expectations matched, and moves past it. */
    void expect(String text) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        synchronized (screen) {
            while (true) {
                String shown = screen.toString(StandardCharsets.UTF_8);
                int at = shown.indexOf(text, seen);
                if (at >= 0) {
                    seen = at + text.length();
                    return;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("the terminal never showed \"" + text + "\"; it shows:\n" + shown.substring(seen));
                }
                try {
                    screen.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError("interrupted", interrupted);
                }
            }
        }
    }

    /** Everything the program has written so far, escape sequences included. */
    String screen() {
        synchronized (screen) {
            return screen.toString(StandardCharsets.UTF_8);
        }
    }
}
