package dev.gatehouse.adapter.cli;

import dev.gatehouse.application.AddUserResult;
import dev.gatehouse.domain.Password;
import dev.gatehouse.domain.Username;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/** {@code gatehouse users ...}: the users who can log in, managed from the terminal (never over HTTP). */
@Command(name = "users", mixinStandardHelpOptions = true,
        description = "Manage the users who can log in. A running server sees changes without a restart.")
public final class UsersCommand {

    @Spec
    CommandSpec spec;

    @Option(names = "--data-dir", paramLabel = "DIR", scope = ScopeType.INHERIT, defaultValue = "${env:GATEHOUSE_DATA_DIR:-gatehouse-data}",
            description = "Where the users file lives (default: ${DEFAULT-VALUE}).")
    Path dataDir;

    private final Function<Path, UserAdministration> administration;
    private final PasswordSource passwords;

    public UsersCommand(Function<Path, UserAdministration> administration, PasswordSource passwords) {
        this.administration = administration;
        this.passwords = passwords;
    }

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = "Add a user. Asks for the password twice without echo, or reads it from standard input.")
    int add(@Parameters(paramLabel = "USERNAME", description = "The new user's name.") String username,
            @Option(names = "--password-stdin", description = "Read the password from the first line of standard input.")
            boolean passwordStdin) {
        PrintWriter err = spec.commandLine().getErr();
        Optional<Password> password;
        try {
            password = passwordStdin ? passwords.readLine().map(Password::of) : promptTwice(err);
        } catch (IOException unreadable) {
            err.println("Could not read the password from standard input.");
            return ExitCodes.USAGE;
        }
        if (password.isEmpty()) {
            return ExitCodes.USAGE;
        }
        try (UserAdministration admin = administration.apply(dataDir)) {
            AddUserResult result = await(admin.addUser().add(username, password.get()));
            PrintWriter out = spec.commandLine().getOut();
            if (result instanceof AddUserResult.Added added) {
                out.println("Added user " + Terminal.escape(added.username().value()) + ".");
                return ExitCodes.OK;
            }
            if (result instanceof AddUserResult.AlreadyExists exists) {
                err.println("A user named " + Terminal.escape(exists.username().value()) + " already exists.");
            } else if (result instanceof AddUserResult.InvalidUsername invalid) {
                err.println("That username cannot be used: " + invalid.reason() + ".");
            } else if (result instanceof AddUserResult.WeakPassword weak) {
                err.println(weak.problem().explanation());
            }
            return ExitCodes.REFUSED;
        } catch (CompletionException | UncheckedIOException | IllegalStateException failure) {
            return unavailable(err, failure);
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the users, one name a line.")
    int list() {
        try (UserAdministration admin = administration.apply(dataDir)) {
            List<Username> names = await(admin.listUsers().list());
            PrintWriter out = spec.commandLine().getOut();
            names.forEach(name -> out.println(Terminal.escape(name.value())));
            return ExitCodes.OK;
        } catch (CompletionException | UncheckedIOException | IllegalStateException failure) {
            return unavailable(spec.commandLine().getErr(), failure);
        }
    }

    private Optional<Password> promptTwice(PrintWriter err) {
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

    private static int unavailable(PrintWriter err, RuntimeException failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        err.println("The user directory is unavailable: " + Terminal.escape(String.valueOf(cause.getMessage())));
        return ExitCodes.UNAVAILABLE;
    }

    /** The terminal has nothing else to do while the core works, so it simply waits. */
    private static <T> T await(CompletionStage<T> stage) {
        return stage.toCompletableFuture().join();
    }
}
