package dev.gatehouse.app;

import dev.gatehouse.app.config.CoreSettings;
import dev.gatehouse.app.wiring.TerminalCores;
import dev.gatehouse.app.command.Main;
import dev.gatehouse.adapter.cli.LoginCommand;
import dev.gatehouse.adapter.cli.TerminalCore;
import picocli.CommandLine;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Runs {@code gatehouse ...} through picocli as the launcher would, with the given standard input
 * and no terminal (as under a script or CI), and keeps what it printed.
 */
final class CommandRunner {

    final int exitCode;
    final String out;
    final String err;

    private CommandRunner(Function<CoreSettings, TerminalCore> core, Map<String, String> environment, String stdin, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        LoginCommand.TerminalOpener noTerminal = Optional::empty;
        CommandLine command = Main.commandLine(core, noTerminal, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
        command.setOut(new PrintWriter(out, true));
        command.setErr(new PrintWriter(err, true));
        this.exitCode = Main.execute(command, args, environment);
        this.out = out.toString().replace("\r", "");
        this.err = err.toString().replace("\r", "");
    }

    /** With the core the real launcher opens: the users file of --data-dir, sessions in this process. */
    static CommandRunner run(String stdin, String... args) {
        return new CommandRunner(TerminalCores::open, Map.of(), stdin, args);
    }

    /** As the launcher would, in a process whose environment is {@code environment}. */
    static CommandRunner runIn(Map<String, String> environment, String... args) {
        return new CommandRunner(TerminalCores::open, environment, "", args);
    }

    /** With a core the test wired, for example over a running server's session store. */
    static CommandRunner runWith(Function<CoreSettings, TerminalCore> core, String stdin, String... args) {
        return new CommandRunner(core, Map.of(), stdin, args);
    }

    static void addUser(Path dataDir, String name, String password) {
        CommandRunner run = run(password + "\n", "users", "add", name, "--password-stdin", "--data-dir", dataDir.toString());
        if (run.exitCode != 0) {
            throw new AssertionError("users add failed: " + run.err);
        }
    }

    @Override
    public String toString() {
        return "exit " + exitCode + "\n--- out\n" + out + "--- err\n" + err;
    }
}
