package dev.gatehouse.app.command;

import dev.gatehouse.app.config.StoreUrls;
import dev.gatehouse.app.config.ServerConfig;

import dev.gatehouse.adapter.cli.ExitCodes;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code gatehouse config [serve options]}: the configuration {@code serve} would run with, each
 * value with where it came from, checked as {@code serve} checks it. The output is YAML, so it can
 * become a config file; passwords in store URLs and the secret are never printed.
 */
@Command(name = "config", mixinStandardHelpOptions = true,
        description = {"Print the configuration 'serve' would run with (as YAML), and where each value comes from.",
                "Accepts every option of serve (gatehouse serve --help lists them); secrets are masked."},
        footerHeading = "%nExamples:%n", footer = {"  gatehouse config", "  gatehouse config --port 9090 > gatehouse.yaml", "  gatehouse --config gatehouse.yaml config"})
final class ConfigCommand implements Callable<Integer> {

    @Unmatched
    List<String> serveArguments = new ArrayList<>();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        ConfigDefaults defaults = ConfigDefaults.of(spec.commandLine());
        CommandLine serve = new CommandLine(new ServeCommand());
        serve.setDefaultValueProvider(defaults);
        ParseResult parsed;
        ServerConfig built;
        try {
            parsed = serve.parseArgs(serveArguments.toArray(String[]::new));
            built = ((ServeCommand) serve.getCommand()).config();
        } catch (CommandLine.ParameterException problem) {
            // Reported as serve would report it, as if given to this command.
            throw problem.getArgSpec() == null
                    ? new CommandLine.ParameterException(spec.commandLine(), problem.getMessage(), problem)
                    : new CommandLine.ParameterException(spec.commandLine(), problem.getMessage(), problem, problem.getArgSpec(), null);
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println("# gatehouse serve would run with (flag > GATEHOUSE_* > config file > default):");
        for (OptionSpec option : serve.getCommandSpec().options()) {
            if (option.usageHelp() || option.versionHelp()) {
                continue;
            }
            String source = parsed.hasMatchedOption(option) ? "flag" : defaults.source(option);
            String value = text(option, parsed, defaults);
            // An unset option is shown commented out, so the output read back as a file sets nothing for it.
            out.println(value == null
                    ? "# " + ConfigDefaults.key(option) + ":  # not set"
                    : ConfigDefaults.key(option) + ": " + yaml(StoreUrls.masked(value)) + "  # " + source);
        }
        out.println("# secret: " + secretSource(defaults));
        out.println("# session store: " + built.sessionStore().describe());
        out.println("# user directory: " + built.userDirectory().describe());
        return ExitCodes.OK;
    }

    /** The value as it was written (30m, not PT30M), or null when the option has none. */
    private static String text(OptionSpec option, ParseResult parsed, ConfigDefaults defaults) {
        if (parsed.hasMatchedOption(option)) {
            return String.join(",", parsed.matchedOption(option.longestName()).originalStringValues());
        }
        String configured = defaults.defaultValue(option);
        if (configured != null) {
            return configured;
        }
        if (option.defaultValue() != null) {
            return option.defaultValue();
        }
        Object value = option.getValue();
        if (value instanceof List<?> list) {
            return list.isEmpty() ? null : String.join(",", list.stream().map(String::valueOf).toList());
        }
        return value == null ? null : String.valueOf(value);
    }


    private static String yaml(String value) {
        return value.isEmpty() || value.matches(".*[:#{}\\[\\],&*!|>'\"%@`].*|^\\s.*|.*\\s$")
                ? "'" + value.replace("'", "''") + "'" : value;
    }

    private static String secretSource(ConfigDefaults defaults) {
        if (defaults.environment("GATEHOUSE_SECRET") != null) {
            return "set by GATEHOUSE_SECRET (masked)"
                    + (defaults.environment("GATEHOUSE_PREVIOUS_SECRETS") != null ? ", previous secrets by GATEHOUSE_PREVIOUS_SECRETS (masked)" : "");
        }
        return "the file 'secret' in data-dir (made on first start)";
    }
}
