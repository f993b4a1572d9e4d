package dev.gatehouse.adapter.cli;

import org.jline.terminal.Attributes;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code gatehouse login}: log in at the terminal with the same users, rules and session store as
 * the web, be greeted, log out. Interactive at a terminal; for scripts, the password comes from
 * standard input and the commands from the lines after it.
 */
@Command(name = "login", mixinStandardHelpOptions = true,
        description = {"Log in at the terminal, then greet, whoami, logout, help, quit. Ctrl-D or Ctrl-C leaves and ends the session.",
            "Uses the same users as the web; the session lives in the configured session store, marked as a terminal session."},
        footerHeading = "%nExamples:%n", footer = {"  gatehouse login", "  gatehouse login --user alice", "  printf '%%s\\ngreet\\n' \"$PASSWORD\" | gatehouse login --user alice --password-stdin"})
public final class LoginCommand implements Callable<Integer> {

    /** Opens the interactive terminal, or answers empty when this process has none (its input or output is redirected). */
    @FunctionalInterface
    public interface TerminalOpener {
        Optional<Terminal> open() throws IOException;
    }

    /** The process's own terminal, through JLine; none when {@link System#console()} says there is none. */
    public static final TerminalOpener SYSTEM_TERMINAL = () -> System.console() == null
            ? Optional.empty()
            : Optional.of(TerminalBuilder.builder().system(true).name("gatehouse").build());

    @Spec
    CommandSpec spec;

    /** The composition root's options (data directory, stores, timeouts), a picocli mixin, and the core they open. */
    @Mixin
    private TerminalCore.Access core;

    @Option(names = "--user", paramLabel = "NAME", description = "Log in as this user: only the password is asked. Needed with --password-stdin.")
    String user;

    @Option(names = "--password-stdin",
            description = "Read the password from the first line of standard input, then one command a line (for scripts).")
    boolean passwordStdin;

    private final TerminalOpener terminals;
    private final InputStream stdin;

    public LoginCommand(TerminalCore.Access core, TerminalOpener terminals, InputStream stdin) {
        this.core = core;
        this.terminals = terminals;
        this.stdin = stdin;
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        if (passwordStdin) {
            if (user == null) {
                err.println(TerminalText.problem("--password-stdin needs --user NAME: the username is not read from standard input."));
                return ExitCodes.USAGE;
            }
            BufferedReader lines = new BufferedReader(new InputStreamReader(stdin, StandardCharsets.UTF_8));
            PrintWriter out = spec.commandLine().getOut();
            return CoreCalls.withCore(core::open, err,
                    opened -> new LoginShell(opened.login(), new TerminalDevices(core.dataDir()), out).run(new ScriptInput(user, lines)));
        }
        Optional<Terminal> opened = terminals.open();
        if (opened.isEmpty()) {
            err.println(TerminalText.problem("login asks for the password at a terminal, and there is none here. "
                    + "In a script, use --user NAME --password-stdin."));
            return ExitCodes.USAGE;
        }
        try (Terminal terminal = opened.get()) {
            // The terminal never echoes by itself while we run: text typed ahead of a prompt (a
            // password typed while the previous one is checked) is drawn, or masked, by the prompt that reads it.
            Attributes original = terminal.getAttributes();
            Attributes quiet = new Attributes(original);
            quiet.setLocalFlag(Attributes.LocalFlag.ECHO, false);
            terminal.setAttributes(quiet);
            try {
                return CoreCalls.withCore(core::open, terminal.writer(), started ->
                        new LoginShell(started.login(), new TerminalDevices(core.dataDir()), terminal.writer())
                                .run(new TerminalInput(terminal, Optional.ofNullable(user))));
            } finally {
                terminal.setAttributes(original);
                terminal.writer().flush();
            }
        }
    }
}
