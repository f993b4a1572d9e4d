package dev.gatehouse.app.command;

import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Where an option's value comes from when the command line does not give it: a
 * {@code GATEHOUSE_*} environment variable, then the config file, then the option's own default.
 * Every option is one key, named as its flag without the dashes ({@code idle-timeout}, env
 * {@code GATEHOUSE_IDLE_TIMEOUT}), and goes through the option's own converter, so a value is
 * checked the same way wherever it is written. An unknown key stops the start, since a misspelt
 * key silently ignored is a setting the operator believes in and does not have.
 */
public final class ConfigDefaults implements CommandLine.IDefaultValueProvider {

    static final String ENV_PREFIX = "GATEHOUSE_";
    static final String CONFIG_ENV = ENV_PREFIX + "CONFIG";
    /** Environment variables that are not options: the secrets stay out of flags, files and process listings. */
    static final Set<String> NOT_OPTIONS = Set.of("GATEHOUSE_SECRET", "GATEHOUSE_PREVIOUS_SECRETS", "GATEHOUSE_REDIS_PASSWORD", "GATEHOUSE_USER_DIRECTORY_PASSWORD", CONFIG_ENV,
            "GATEHOUSE_JAVA_OPTS");

    /** One setting that does not fit: the whole message is one line naming the key. */
    static final class Invalid extends RuntimeException {
        Invalid(String message) {
            super(message);
        }
    }

    private final Map<String, String> environment;
    private final Optional<Path> file;
    private final Map<String, String> fileValues;

    private ConfigDefaults(Map<String, String> environment, Optional<Path> file, Map<String, String> fileValues) {
        this.environment = environment;
        this.file = file;
        this.fileValues = fileValues;
    }

    /** The settings a command was given, or, for a command run without {@link Main#execute}, this process's environment alone. */
    static ConfigDefaults of(CommandLine command) {
        return command.getDefaultValueProvider() instanceof ConfigDefaults defaults
                ? defaults : new ConfigDefaults(System.getenv(), Optional.empty(), Map.of());
    }

    /** An environment variable that is not an option, such as {@code GATEHOUSE_SECRET}; null when unset. */
    String environment(String name) {
        return environment.get(name);
    }

    /** Reads the config file named by {@code --config} in the arguments, or else by {@code GATEHOUSE_CONFIG}, if any. */
    public static ConfigDefaults load(String[] args, Map<String, String> environment) {
        Optional<Path> file = configArgument(args).or(() -> Optional.ofNullable(environment.get(CONFIG_ENV))).map(Path::of);
        return new ConfigDefaults(environment, file, file.map(ConfigDefaults::read).orElse(Map.of()));
    }

    /** {@code --config FILE} or {@code --config=FILE}: read before picocli parses, as it decides every other default. */
    private static Optional<String> configArgument(String[] args) {
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--")) {
                break;
            }
            if (args[i].equals("--config") && i + 1 < args.length) {
                return Optional.of(args[i + 1]);
            }
            if (args[i].startsWith("--config=")) {
                return Optional.of(args[i].substring("--config=".length()));
            }
        }
        return Optional.empty();
    }

    private static Map<String, String> read(Path file) {
        Object document;
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            document = new Load(LoadSettings.builder().setAllowDuplicateKeys(false).build()).loadFromReader(reader);
        } catch (IOException unreadable) {
            throw new Invalid(file + ": cannot be read (" + unreadable.getClass().getSimpleName() + ")");
        } catch (YamlEngineException malformed) {
            Matcher where = Pattern.compile("line \\d+, column \\d+").matcher(malformed.getMessage());
            throw new Invalid(file + ": not valid YAML" + (where.find() ? " at " + where.group() : ""));
        }
        if (document == null) {
            return Map.of();
        }
        if (!(document instanceof Map<?, ?> map)) {
            throw new Invalid(file + ": expected keys and values, such as 'port: 8080'");
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            String key = String.valueOf(entry.getKey());
            Object value = entry.getValue();
            if (value instanceof Map<?, ?>) {
                throw new Invalid(file + ": " + key + ": expected a value, not a section");
            }
            if (value == null) {
                throw new Invalid(file + ": " + key + ": has no value");
            }
            // A list (trusted-proxy) becomes the comma-separated form the option splits again.
            values.put(key, value instanceof List<?> list
                    ? list.stream().map(String::valueOf).collect(Collectors.joining(","))
                    : String.valueOf(value));
        }
        return values;
    }

    /**
     * Refuses a key that no command has, in the file or as a {@code GATEHOUSE_*} variable: one
     * line naming it, and the keys it could have meant.
     */
    void checkKeys(CommandSpec root) {
        Set<String> known = new TreeSet<>();
        collectKeys(root, known);
        for (String key : fileValues.keySet()) {
            if (!known.contains(key)) {
                throw new Invalid(file.orElseThrow() + ": unknown key '" + key + "'" + closest(key, known));
            }
        }
        for (String variable : environment.keySet()) {
            if (variable.startsWith(ENV_PREFIX) && !NOT_OPTIONS.contains(variable) && !known.contains(keyOf(variable))) {
                throw new Invalid("unknown environment variable " + variable + closest(keyOf(variable), known));
            }
        }
    }

    private static void collectKeys(CommandSpec command, Set<String> known) {
        for (OptionSpec option : command.options()) {
            if (!option.usageHelp() && !option.versionHelp() && !option.longestName().equals("--config")) {
                known.add(key(option));
            }
        }
        command.subcommands().values().forEach(sub -> collectKeys(sub.getCommandSpec(), known));
    }

    /** The known key a typo most likely meant: at most two letters added, dropped, changed or swapped away. */
    private static String closest(String key, Set<String> known) {
        return known.stream().filter(candidate -> distance(key, candidate) <= 2)
                .min(Comparator.comparingInt(candidate -> distance(key, candidate)))
                .map(candidate -> " (did you mean '" + candidate + "'?)").orElse("");
    }

    /** Optimal string alignment distance: Levenshtein plus the swap of two neighbours. */
    private static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            for (int j = 0; j <= b.length(); j++) {
                if (i == 0 || j == 0) {
                    d[i][j] = i + j;
                    continue;
                }
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }

    @Override
    public String defaultValue(ArgSpec argument) {
        if (!(argument instanceof OptionSpec option) || option.usageHelp() || option.versionHelp()) {
            return null;
        }
        String key = key(option);
        String fromEnvironment = environment.get(variable(key));
        return fromEnvironment != null ? fromEnvironment : fileValues.get(key);
    }

    /** Where the value of an option not given as a flag comes from, for {@code gatehouse config}. */
    String source(OptionSpec option) {
        String key = key(option);
        if (environment.containsKey(variable(key))) {
            return "env " + variable(key);
        }
        if (fileValues.containsKey(key)) {
            return "file " + file.orElseThrow();
        }
        return "default";
    }

    static String key(OptionSpec option) {
        return option.longestName().replaceFirst("^-+", "");
    }

    static String variable(String key) {
        return ENV_PREFIX + key.toUpperCase(Locale.ROOT).replace('-', '_');
    }

    private static String keyOf(String variable) {
        return variable.substring(ENV_PREFIX.length()).toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
