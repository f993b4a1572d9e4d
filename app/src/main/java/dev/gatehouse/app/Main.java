package dev.gatehouse.app;

import dev.gatehouse.adapter.cli.LoginCommand;
import dev.gatehouse.adapter.cli.PasswordSource;
import dev.gatehouse.adapter.cli.SessionsCommand;
import dev.gatehouse.adapter.cli.UsersCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code gatehouse}: the one executable, with a subcommand per job. */
@Command(name = "gatehouse", mixinStandardHelpOptions = true, version = "Gatehouse 0.1.0",
        description = "Server-side sessions and password login for the JVM.",
        subcommands = {ServeCommand.class})
public final class Main {

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    static CommandLine commandLine() {
        CommandLine root = new CommandLine(new Main());
        root.addSubcommand(new LoginCommand(TerminalCores::open, LoginCommand.SYSTEM_TERMINAL, System.in));
        root.addSubcommand(new UsersCommand(TerminalCores::open, PasswordSource.system(System.in)));
        root.addSubcommand(new SessionsCommand(TerminalCores::open));
        return root;
    }
}
