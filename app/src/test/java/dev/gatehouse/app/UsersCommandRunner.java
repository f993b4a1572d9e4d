package dev.gatehouse.app;

import dev.gatehouse.adapter.cli.PasswordSource;
import dev.gatehouse.adapter.cli.UsersCommand;
import picocli.CommandLine;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** Runs {@code gatehouse users ...} as the launcher would, with the given standard input, and keeps what it printed. */
final class UsersCommandRunner {

    final int exitCode;
    final String out;
    final String err;

    private UsersCommandRunner(String stdin, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine command = new CommandLine(new UsersCommand(TerminalCores::open,
                PasswordSource.system(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)))));
        command.setOut(new PrintWriter(out, true));
        command.setErr(new PrintWriter(err, true));
        this.exitCode = command.execute(args);
        this.out = out.toString();
        this.err = err.toString();
    }

    static UsersCommandRunner run(String stdin, String... args) {
        return new UsersCommandRunner(stdin, args);
    }

    static void addUser(Path dataDir, String name, String password) {
        UsersCommandRunner run = run(password + "\n", "add", name, "--password-stdin", "--data-dir", dataDir.toString());
        if (run.exitCode != 0) {
            throw new AssertionError("users add failed: " + run.err);
        }
    }
}
