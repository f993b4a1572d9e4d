package dev.gatehouse.adapter.cli;

import dev.gatehouse.application.AddUserResult;
import dev.gatehouse.application.UserChangeResult;
import dev.gatehouse.domain.Password;
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
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

import static dev.gatehouse.adapter.cli.CoreCalls.await;

/** {@code gatehouse users ...}: the users who can log in, managed from the terminal (never over HTTP). */
@Command(name = "users", mixinStandardHelpOptions = true,
        description = "Manage the users who can log in. A running server sees changes without a restart.")
public final class UsersCommand {

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

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = "Add a user. Asks for the password twice without echo, or reads it from standard input.")
    int add(@Parameters(paramLabel = "USERNAME", description = "The new user's name.") String username,
            @Option(names = "--password-stdin", description = "Read the password from the first line of standard input.")
            boolean passwordStdin) {
        Optional<Password> password = newPassword(passwordStdin);
        if (password.isEmpty()) {
            return ExitCodes.USAGE;
        }
        return withCore(users -> {
            AddUserResult result = await(users.add().add(username, password.get()));
            return result.fold(
                    added -> done("Added user " + TerminalText.escape(added.username().value()) + "."),
                    exists -> refused("A user named " + TerminalText.escape(exists.username().value()) + " already exists."),
                    invalid -> refused("That username cannot be used: " + invalid.reason() + "."),
                    weak -> refused(weak.problem().explanation()));
        });
    }

    @Command(name = "passwd", mixinStandardHelpOptions = true,
            description = "Set a new password for a user. Asks twice without echo, or reads it from standard input.")
    int passwd(@Parameters(paramLabel = "USERNAME", description = "The user whose password changes.") String username,
               @Option(names = "--password-stdin", description = "Read the password from the first line of standard input.")
               boolean passwordStdin) {
        Optional<Password> password = newPassword(passwordStdin);
        if (password.isEmpty()) {
            return ExitCodes.USAGE;
        }
        return change(username, "Changed the password of", users -> users.changePassword().change(username, password.get()));
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

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "List the users, one a line, sorted; a disabled one is marked (disabled).")
    int list() {
        return withCore(users -> {
            List<UserSummary> all = await(users.list().list());
            PrintWriter out = spec.commandLine().getOut();
            all.forEach(user -> out.println(TerminalText.escape(user.username().value()) + (user.disabled() ? " (disabled)" : "")));
            return ExitCodes.OK;
        });
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
        return CoreCalls.withCore(core, spec.commandLine().getErr(), opened -> work.apply(opened.users()));
    }

    private int done(String message) {
        spec.commandLine().getOut().println(message);
        return ExitCodes.OK;
    }

    private int refused(String message) {
        spec.commandLine().getErr().println(message);
        return ExitCodes.REFUSED;
    }

    /** The new password: from standard input, or typed twice at the terminal; empty (with the reason printed) when there is none. */
    private Optional<Password> newPassword(boolean fromStdin) {
        PrintWriter err = spec.commandLine().getErr();
        if (fromStdin) {
            try {
                Optional<Password> read = passwords.readLine().map(Password::of);
                if (read.isEmpty()) {
                    err.println("Standard input ended before a password was read.");
                }
                return read;
            } catch (IOException unreadable) {
                err.println("Could not read the password from standard input.");
                return Optional.empty();
            }
        }
        Optional<char[]> first = passwords.prompt("Password: ");
        if (first.isEmpty()) {
            err.println("No terminal to ask for the password at: use --password-stdin to read it from standard input.");
            return Optional.empty();
        }
        Password password = Password.of(first.get());
        Optional<Password> again = passwords.prompt("Repeat password: ").map(Password::of);
        boolean same = again.isPresent() && again.get().sameAs(password);
        again.ifPresent(Password::wipe);
        if (!same) {
            password.wipe();
            err.println("The passwords do not match.");
            return Optional.empty();
        }
        return Optional.of(password);
    }
}
