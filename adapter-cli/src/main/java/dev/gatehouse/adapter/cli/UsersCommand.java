package dev.gatehouse.adapter.cli;

import dev.gatehouse.application.AddUser;
import dev.gatehouse.application.AddUserResult;
import dev.gatehouse.application.NewAccount;
import dev.gatehouse.domain.Group;
import dev.gatehouse.application.UserChangeResult;
import dev.gatehouse.domain.Password;
import dev.gatehouse.domain.PasswordPolicy;
import dev.gatehouse.domain.UserSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

import static dev.gatehouse.adapter.cli.CoreCalls.await;

/** {@code gatehouse users ...}: the users who can log in, managed from the terminal (never over HTTP). */
@Command(name = "users", mixinStandardHelpOptions = true,
        description = "Manage the users who can log in. A running server sees changes without a restart.",
        footerHeading = "%nExamples:%n", footer = {"  gatehouse users add alice", "  gatehouse users list",
            "  printf '%%s\\n' \"$PASSWORD\" | gatehouse users passwd alice --password-stdin", "  gatehouse users disable alice"})
public final class UsersCommand {

    /** How often a person at the terminal may try a new password before the command gives up. */
    static final int TRIES = 3;

    @Spec
    CommandSpec spec;

    /** The composition root's options, a picocli mixin, and the core they open. */
    @Mixin
    private TerminalCore.Access core;

    private final PasswordSource passwords;

    public UsersCommand(TerminalCore.Access core, PasswordSource passwords) {
        this.core = core;
        this.passwords = passwords;
    }

    @Command(name = "add", mixinStandardHelpOptions = true, footerHeading = "%nExamples:%n", footer = {"  gatehouse users add alice",
            "  gatehouse users add bob --group staff --group ops --name 'Bob Stone' --email bob@example.com",
            "  printf '%%s\\n' \"$PASSWORD\" | gatehouse users add alice --password-stdin"},
            description = {"Add a user. Asks for the password twice without echo (again if it is refused), or reads it from standard input.",
                "A name is letters, digits and . _ - @ +, starting with a letter or digit; it ignores case."})
    int add(@Parameters(paramLabel = "USERNAME", description = "The new user's name.") String username,
            @Option(names = "--password-stdin", description = "Read the password from the first line of standard input.")
            boolean passwordStdin,
            @Option(names = "--group", paramLabel = "GROUP", split = ",", converter = GroupConverter.class,
                    description = "A group the user is in, for access rules and the Remote-Groups header; repeat it or separate with commas.")
            List<Group> groups,
            @Option(names = "--name", paramLabel = "TEXT", description = "The user's display name, sent as Remote-Name.") String displayName,
            @Option(names = "--email", paramLabel = "ADDRESS", description = "The user's e-mail address, sent as Remote-Email.") String email) {
        NewAccount account = new NewAccount(username, groups == null ? Set.of() : Set.copyOf(groups), Optional.ofNullable(displayName),
                Optional.ofNullable(email));
        Optional<String> problem = AddUser.problemWith(account);
        if (problem.isPresent()) {
            // Said before any password is asked for: nobody types a password twice for a name that cannot be.
            return refused(cannotUse(problem.get()));
        }
        return CoreCalls.withCore(core::openToAddUsers, spec.commandLine().getErr(), opened -> withNewPassword(username, passwordStdin, password -> {
            AddUserResult result = await(opened.users().add().add(account, password));
            return result.fold(
                    added -> Optional.of(done("Added user " + TerminalText.escape(added.username().value()) + ".")),
                    exists -> Optional.of(refused("A user named " + TerminalText.escape(exists.username().value()) + " already exists.")),
                    invalid -> Optional.of(refused(cannotUse(invalid.reason()))),
                    weak -> weakPassword(weak.problem(), passwordStdin));
        }));
    }

    @Command(name = "passwd", mixinStandardHelpOptions = true, footerHeading = "%nExamples:%n", footer = {"  gatehouse users passwd alice"},
            description = "Set a new password for a user. Asks twice without echo (again if it is refused), or reads it from standard input.")
    int passwd(@Parameters(paramLabel = "USERNAME", description = "The user whose password changes.") String username,
               @Option(names = "--password-stdin", description = "Read the password from the first line of standard input.")
               boolean passwordStdin) {
        return withCore(users -> withNewPassword(username, passwordStdin, password -> {
            UserChangeResult result = await(users.changePassword().change(username, password));
            return result.fold(
                    changed -> Optional.of(done("Changed the password of user " + TerminalText.escape(changed.username().value()) + ".")),
                    noSuchUser -> Optional.of(refused("There is no user named " + TerminalText.escape(username) + ".")),
                    weak -> weakPassword(weak.problem(), passwordStdin));
        }));
    }

    @Command(name = "disable", mixinStandardHelpOptions = true,
            description = "Stop a user from logging in, keeping the account. Their next login attempt is rejected like a wrong password.")
    int disable(@Parameters(paramLabel = "USERNAME", description = "The user to disable.") String username) {
        return change(username, "Disabled", users -> users.setEnabled().set(username, false));
    }

    @Command(name = "enable", mixinStandardHelpOptions = true, description = "Let a disabled user log in again.")
    int enable(@Parameters(paramLabel = "USERNAME", description = "The user to enable.") String username) {
        return change(username, "Enabled", users -> users.setEnabled().set(username, true));
    }

    @Command(name = "remove", mixinStandardHelpOptions = true, description = "Remove a user for good.")
    int remove(@Parameters(paramLabel = "USERNAME", description = "The user to remove.") String username) {
        return change(username, "Removed", users -> users.remove().remove(username));
    }

    @Command(name = "reset-2fa", mixinStandardHelpOptions = true,
            description = {"Turn off a user's second factor, for someone who lost both their phone and their recovery codes.",
                "Their sessions and remembered logins end; their next login asks for the password alone, then, where a second factor "
                        + "is required, for a new one."})
    int resetSecondFactor(@Parameters(paramLabel = "USERNAME", description = "The user whose second factor is reset.") String username) {
        return change(username, "Reset the second factor of", users -> users.resetSecondFactor().reset(username));
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "List the users, one a line, sorted; a disabled one is marked (disabled), and the groups follow.")
    int list() {
        return withCore(users -> {
            List<UserSummary> all = await(users.list().list());
            PrintWriter out = spec.commandLine().getOut();
            all.forEach(user -> out.println(TerminalText.escape(user.username().value()) + (user.disabled() ? " (disabled)" : "")
                    + (user.groups().isEmpty() ? "" : "  groups: " + user.groups().stream().map(Group::name).collect(Collectors.joining(", ")))));
            return ExitCodes.OK;
        });
    }

    /** What {@code users groups} does with the groups it is given. */
    enum GroupChange { add, remove }

    @Command(name = "groups", mixinStandardHelpOptions = true, footerHeading = "%nExamples:%n",
            footer = {"  gatehouse users groups bob add ops", "  gatehouse users groups bob remove staff,ops"},
            description = {"Put a user in groups, or take them out. No session ends; every server applies it to the next request it forwards.",
                "A group is letters, digits and . _ -, starting with a letter or digit; it ignores case."})
    int groups(@Parameters(index = "0", paramLabel = "USERNAME", description = "The user whose groups change.") String username,
               @Parameters(index = "1", paramLabel = "add|remove", description = "Whether the user joins the groups or leaves them.")
               GroupChange change,
               @Parameters(index = "2..*", arity = "1..*", paramLabel = "GROUP", split = ",", converter = GroupConverter.class,
                       description = "The groups.") List<Group> groups) {
        Set<Group> named = Set.copyOf(groups);
        return change(username, "Changed the groups of", users -> users.changeGroups().change(username,
                change == GroupChange.add ? named : Set.of(), change == GroupChange.remove ? named : Set.of()));
    }

    /** A group as typed: refused by picocli, with the rule, when it cannot be one. */
    public static final class GroupConverter implements picocli.CommandLine.ITypeConverter<Group> {
        @Override
        public Group convert(String value) {
            try {
                return new Group(value);
            } catch (IllegalArgumentException invalid) {
                throw new picocli.CommandLine.TypeConversionException("'" + TerminalText.escape(value) + "': " + invalid.getMessage());
            }
        }
    }

    private int change(String username, String doneVerb,
                       Function<TerminalCore.UserAdministration, CompletionStage<UserChangeResult>> change) {
        return withCore(users -> {
            UserChangeResult result = await(change.apply(users));
            return result.fold(
                    changed -> done(doneVerb + " user " + TerminalText.escape(changed.username().value()) + "."),
                    noSuchUser -> refused("There is no user named " + TerminalText.escape(username) + "."),
                    weak -> refused(weak.problem().explanation()));
        });
    }

    private int withCore(Function<TerminalCore.UserAdministration, Integer> work) {
        return CoreCalls.withCore(core::open, spec.commandLine().getErr(), opened -> work.apply(opened.users()));
    }

    private int done(String message) {
        spec.commandLine().getOut().println(message);
        return ExitCodes.OK;
    }

    private int refused(String message) {
        spec.commandLine().getErr().println(TerminalText.problem(message));
        return ExitCodes.REFUSED;
    }

    /**
     * Runs {@code attempt} with a new password for {@code username}: the line from standard input,
     * or one typed twice at the terminal. At the terminal, a password the policy refuses, a repeat
     * that does not match, or a password the use case refuses (empty answer) asks again, up to
     * {@value #TRIES} times, as {@code passwd(1)} does.
     */
    private static String cannotUse(String reason) {
        return "That user cannot be added: " + reason + ".";
    }

    private int withNewPassword(String username, boolean fromStdin, Function<Password, Optional<Integer>> attempt) {
        if (fromStdin) {
            return passwordFromStdin().map(password -> attempt.apply(password).orElse(ExitCodes.REFUSED)).orElse(ExitCodes.USAGE);
        }
        String who = TerminalText.escape(username);
        for (int tries = 0; tries < TRIES; tries++) {
            Optional<char[]> first = passwords.prompt("New password for " + who + ": ");
            if (first.isEmpty()) {
                usage("There is no terminal to ask for the password at: use --password-stdin to read it from standard input.");
                return ExitCodes.USAGE;
            }
            Optional<Integer> answered = repeated(who, Password.of(first.get())).flatMap(attempt);
            if (answered.isPresent()) {
                return answered.get();
            }
        }
        return refused("No password was set after " + TRIES + " tries; nothing changed.");
    }

    /** A password the use case refused: said, then asked again at the terminal (empty), or the end of a script. */
    private Optional<Integer> weakPassword(PasswordPolicy.Problem problem, boolean fromStdin) {
        if (fromStdin) {
            return Optional.of(refused(problem.explanation()));
        }
        spec.commandLine().getErr().println(problem.explanation() + " Try another.");
        return Optional.empty();
    }

    private Optional<Password> passwordFromStdin() {
        try {
            Optional<Password> read = passwords.readLine().map(Password::of);
            if (read.isEmpty()) {
                usage("Standard input ended before a password was read.");
            }
            return read;
        } catch (IOException unreadable) {
            usage("Could not read the password from standard input.");
            return Optional.empty();
        }
    }

    /**
     * The typed password, once the policy takes it and the repeat matches; empty (with what went
     * wrong said) to try again.
     */
    private Optional<Password> repeated(String who, Password password) {
        Optional<PasswordPolicy.Problem> problem = PasswordPolicy.problemWith(password);
        if (problem.isPresent()) {
            password.wipe();
            spec.commandLine().getErr().println(problem.get().explanation() + " Try another.");
            return Optional.empty();
        }
        Optional<Password> again = passwords.prompt("Repeat the password for " + who + ": ").map(Password::of);
        boolean same = again.isPresent() && again.get().sameAs(password);
        again.ifPresent(Password::wipe);
        if (!same) {
            password.wipe();
            spec.commandLine().getErr().println("The passwords do not match. Try again.");
            return Optional.empty();
        }
        return Optional.of(password);
    }

    private void usage(String message) {
        spec.commandLine().getErr().println(TerminalText.problem(message));
    }
}
