package dev.gatehouse.app;

import dev.gatehouse.adapter.cli.CoreSettings;
import dev.gatehouse.adapter.cli.LoginCommand;
import dev.gatehouse.adapter.cli.PasswordSource;
import dev.gatehouse.adapter.cli.SessionsCommand;
import dev.gatehouse.adapter.cli.TerminalCore;
import dev.gatehouse.adapter.cli.UsersCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.InputStream;
import java.util.function.Function;

/** {@code gatehouse}: the one executable, with a subcommand per job. */
@Command(name = "gatehouse", mixinStandardHelpOptions = true, version = "Gatehouse 0.1.0",
        description = "Server-side sessions and password login for the JVM.",
        subcommands = {ServeCommand.class})
public final class Main {

    public static void main(String[] args) {
        System.exit(commandLine(TerminalCores::open, LoginCommand.SYSTEM_TERMINAL, System.in).execute(args));
    }

    /** Every command, with the terminal commands driving the core that {@code core} opens. */
    static CommandLine commandLine(Function<CoreSettings, TerminalCore> core, LoginCommand.TerminalOpener terminals, InputStream stdin) {
        CommandLine root = new CommandLine(new Main());
        root.addSubcommand(new LoginCommand(core, terminals, stdin));
        root.addSubcommand(new UsersCommand(core, PasswordSource.system(stdin)));
        root.addSubcommand(new SessionsCommand(core));
        return root;
    }
}
