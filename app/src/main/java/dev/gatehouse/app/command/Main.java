package dev.gatehouse.app.command;

import dev.gatehouse.app.config.CoreSettings;
import dev.gatehouse.app.wiring.TerminalCores;
import dev.gatehouse.adapter.cli.ExitCodes;
import dev.gatehouse.adapter.cli.LoginCommand;
import dev.gatehouse.adapter.cli.PasswordSource;
import dev.gatehouse.adapter.cli.SessionsCommand;
import dev.gatehouse.adapter.cli.TerminalCore;
import dev.gatehouse.adapter.cli.UsersCommand;
import ch.qos.logback.classic.LoggerContext;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;

/** {@code gatehouse}: the one executable, with a subcommand per job. */
@Command(name = "gatehouse", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Server-side sessions and password login for the JVM.",
        subcommands = {ServeCommand.class, ConfigCommand.class})
public final class Main {

    /** Read before parsing by {@link ConfigDefaults}; declared here so picocli accepts it and lists it in --help. */
    @Option(names = "--config", paramLabel = "FILE", scope = ScopeType.INHERIT,
            description = "A YAML file of settings (keys are the options' names: port: 8080); flags and GATEHOUSE_* variables override it.")
    Path config;

    public static void main(String[] args) {
        Function<CoreSettings, TerminalCore> core = settings -> {
            // From here on the command talks to a person or a script: the log goes to a file, not between the lines.
            TerminalLog.toFile(settings.dataDir());
            return TerminalCores.open(settings);
        };
        int exitCode = execute(commandLine(core, LoginCommand.SYSTEM_TERMINAL, System.in), args, System.getenv());
        // The log's queues (the audit trail's above all) are written out before the process ends (serve has done so already).
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext logs) {
            logs.stop();
        }
        System.exit(exitCode);
    }

    /** Every command, with the terminal commands driving the core that {@code core} opens. */
    public static CommandLine commandLine(Function<CoreSettings, TerminalCore> core, LoginCommand.TerminalOpener terminals, InputStream stdin) {
        CommandLine root = new CommandLine(new Main());
        root.addSubcommand(new LoginCommand(new CoreOptions.ForTerminal(core), terminals, stdin));
        root.addSubcommand(new UsersCommand(new CoreOptions.ForTerminal(core), PasswordSource.system(stdin)));
        root.addSubcommand(new SessionsCommand(new CoreOptions.ForTerminal(core)));
        return root;
    }

    /**
     * Runs one command with its settings taken from the flags, then {@code environment}'s
     * {@code GATEHOUSE_*} variables, then the config file, then the defaults. A setting that does
     * not fit stops everything with one line naming it.
     */
    public static int execute(CommandLine root, String[] args, Map<String, String> environment) {
        ConfigDefaults defaults;
        try {
            defaults = ConfigDefaults.load(args, environment);
            defaults.checkKeys(root.getCommandSpec());
        } catch (ConfigDefaults.Invalid invalid) {
            root.getErr().println("gatehouse: " + invalid.getMessage());
            return ExitCodes.USAGE;
        }
        root.setDefaultValueProvider(defaults);
        CommandLine.IParameterExceptionHandler usage = root.getParameterExceptionHandler();
        root.setParameterExceptionHandler((problem, arguments) -> {
            // Settings that do not fit together, or a bad value from the environment or the file: one line, saying where.
            if (problem.getArgSpec() == null) {
                problem.getCommandLine().getErr().println("gatehouse: " + problem.getMessage());
                return ExitCodes.USAGE;
            }
            if (problem.getArgSpec() instanceof OptionSpec option && !problem.getCommandLine().getParseResult().hasMatchedOption(option)
                    && !defaults.source(option).equals("default")) {
                problem.getCommandLine().getErr().println("gatehouse: " + problem.getMessage() + " (from " + defaults.source(option) + ")");
                return ExitCodes.USAGE;
            }
            return usage.handleParseException(problem, arguments);
        });
        return root.execute(args);
    }
}
