package dev.gatehouse.app.command;

import dev.gatehouse.app.config.CoreSettings;
import dev.gatehouse.app.wiring.TerminalCores;
import dev.gatehouse.adapter.cli.ExitCodes;
import dev.gatehouse.adapter.cli.LoginCommand;
import dev.gatehouse.adapter.cli.PasswordSource;
import dev.gatehouse.adapter.cli.SessionsCommand;
import dev.gatehouse.adapter.cli.TerminalText;
import dev.gatehouse.adapter.cli.TerminalCore;
import dev.gatehouse.adapter.cli.UsersCommand;
import ch.qos.logback.classic.LoggerContext;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.UsageMessageSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.UnmatchedArgumentException;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
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
        // From the moment the core opens the command talks to a person or a script: the log goes to a file, not between the lines.
        Function<CoreSettings, TerminalCore> core = settings -> TerminalCores.open(settings, TerminalLog::toFile);
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
        root.addSubcommand(new AccessCommand(new CoreOptions.ForTerminal(core)));
        root.setUsageHelpAutoWidth(true);
        ownOptionsFirst(root, sharedOptionNames());
        return root;
    }

    /** The options every command that opens the core shares, and --config: listed apart in each command's help. */
    private static Set<String> sharedOptionNames() {
        Set<String> names = new HashSet<>(Set.of("--config"));
        CommandSpec.forAnnotatedObject(new CoreOptions()).options().forEach(option -> names.add(option.longestName()));
        return names;
    }

    /** Every command's help lists its own options first, and the shared ones (where users and sessions are kept, timeouts) after. */
    private static void ownOptionsFirst(CommandLine command, Set<String> shared) {
        // The synopsis says [OPTIONS]: listing a dozen shared options there would hide the command's own.
        command.getCommandSpec().usageMessage().abbreviateSynopsis(true);
        command.getHelpSectionMap().put(UsageMessageSpec.SECTION_KEY_OPTION_LIST, help -> {
            List<OptionSpec> own = new ArrayList<>();
            List<OptionSpec> common = new ArrayList<>();
            for (OptionSpec option : help.commandSpec().options()) {
                if (!option.hidden()) {
                    (shared.contains(option.longestName()) ? common : own).add(option);
                }
            }
            String ownList = help.optionListExcludingGroups(own);
            return common.isEmpty() ? ownList : ownList + String.format("%nShared by every command (the data directory, the stores, timeouts):%n")
                    + help.optionListExcludingGroups(common);
        });
        command.getSubcommands().values().forEach(sub -> ownOptionsFirst(sub, shared));
    }

    /** " Did you mean --port?" for a near miss of an option or subcommand name, or nothing. */
    private static String suggestion(UnmatchedArgumentException unmatched) {
        List<String> near = new ArrayList<>(unmatched.getSuggestions());
        CommandSpec spec = unmatched.getCommandLine().getCommandSpec();
        for (String typed : unmatched.getUnmatched()) {
            String name = typed.contains("=") ? typed.substring(0, typed.indexOf('=')) : typed;
            if (name.startsWith("--")) {
                spec.optionsMap().keySet().stream().filter(option -> option.startsWith("--") && editDistance(option, name) <= 2)
                        .filter(option -> !near.contains(option)).forEach(near::add);
            }
        }
        return near.isEmpty() ? "" : " Did you mean " + String.join(" or ", near) + "?";
    }

    /** Levenshtein's distance: how many letters to add, drop or change to turn one word into the other. */
    static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int change = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + change);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
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
            root.getErr().println(TerminalText.problem(invalid.getMessage()));
            return ExitCodes.USAGE;
        }
        root.setDefaultValueProvider(defaults);
        if (args.length == 0) {
            // A bare `gatehouse`: what it can do, rather than a complaint about a missing subcommand.
            root.usage(root.getOut());
            return ExitCodes.USAGE;
        }
        root.setParameterExceptionHandler((problem, arguments) -> {
            // One line saying what is wrong (and, for a setting from the environment or the file, where it came from), then where help is.
            CommandLine command = problem.getCommandLine();
            String from = problem.getArgSpec() instanceof OptionSpec option && !command.getParseResult().hasMatchedOption(option)
                    && !defaults.source(option).equals("default") ? " (from " + defaults.source(option) + ")" : "";
            String suggestion = problem instanceof UnmatchedArgumentException unmatched ? suggestion(unmatched) : "";
            String message = problem.getMessage() + from;
            command.getErr().println(TerminalText.problem(message + (suggestion.isEmpty() || message.endsWith(".") ? "" : ".") + suggestion));
            if (from.isEmpty() && problem.getArgSpec() != null || problem instanceof UnmatchedArgumentException) {
                // Something typed on this command line: its help says what it takes. A setting from elsewhere is one line, saying where.
                command.getErr().println("See '" + command.getCommandSpec().qualifiedName() + " --help'.");
            }
            return ExitCodes.USAGE;
        });
        return root.execute(args);
    }
}
