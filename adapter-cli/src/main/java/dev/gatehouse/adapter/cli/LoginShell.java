package dev.gatehouse.adapter.cli;

import dev.gatehouse.application.Greeting;
import dev.gatehouse.application.LogInCommand;
import dev.gatehouse.application.LogOutCommand;
import dev.gatehouse.application.LoginResult;
import dev.gatehouse.domain.Channel;
import dev.gatehouse.domain.Password;
import dev.gatehouse.domain.Session;
import dev.gatehouse.domain.SessionId;

import java.io.PrintWriter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import static dev.gatehouse.adapter.cli.CoreCalls.await;

/**
 * The terminal's login and its small shell, over the same use cases as the web: the login form is
 * opened and submitted like a browser's (so every rule of {@code LogIn} applies here too), and
 * each command asks {@code Greet} whether the session still stands. Leaving, in any way, ends the
 * session.
 */
final class LoginShell {

    static final List<String> COMMANDS = List.of("greet", "whoami", "logout", "help", "quit");
    static final int MAX_ATTEMPTS = 3;
    /** What the throttle counts terminal attempts by: they all come from this machine. */
    static final String CLIENT = "terminal";
    static final String SESSION_ENDED = "Your session has ended: it timed out or was revoked. Log in again, or press Ctrl-D to leave.";

    private final TerminalCore.LoginUseCases useCases;
    private final PrintWriter out;

    LoginShell(TerminalCore.LoginUseCases useCases, PrintWriter out) {
        this.useCases = useCases;
        this.out = out;
    }

    /** Logs in, runs commands, and logs in again after a logout, until the input ends; returns the exit code. */
    int run(LoginInput input) {
        while (true) {
            Attempts attempts = logIn(input);
            if (attempts.session().isEmpty()) {
                return attempts.exitCode();
            }
            Session session = attempts.session().get();
            say("Hello, " + name(session) + "! Type help for the commands.");
            if (!shell(input, session)) {
                return ExitCodes.OK;
            }
        }
    }

    /** The outcome of a round of login attempts: a session, or none and the exit code to leave with. */
    private record Attempts(Optional<Session> session, int exitCode) {
    }

    private Attempts logIn(LoginInput input) {
        Optional<Session> form = Optional.empty();
        int rejected = 0;
        while (rejected < MAX_ATTEMPTS) {
            Optional<String> username = input.username("Username: ");
            if (username.isPresent() && username.get().isBlank()) {
                continue;
            }
            Optional<char[]> typed = username.isPresent() ? input.password("Password: ") : Optional.empty();
            if (typed.isEmpty()) {
                form.ifPresent(this::end);
                return new Attempts(Optional.empty(), rejected > 0 ? ExitCodes.REFUSED : ExitCodes.OK);
            }
            form = Optional.of(await(useCases.openLoginForm().open(form.map(Session::id), Channel.TERMINAL)).session());
            LoginResult result = await(useCases.logIn().logIn(new LogInCommand(form.map(Session::id),
                    form.get().csrfToken().value(), username.get(), Password.of(typed.get()), CLIENT)));
            if (result instanceof LoginResult.LoggedIn loggedIn) {
                return new Attempts(Optional.of(loggedIn.session()), ExitCodes.OK);
            }
            if (result instanceof LoginResult.Rejected) {
                rejected++;
                say(LoginResult.Rejected.MESSAGE);
            } else if (result instanceof LoginResult.Throttled throttled) {
                rejected++;
                say(LoginResult.Throttled.message(throttled.retryAfter()));
            } else {
                form = Optional.empty();
                say("The login took too long. Please try again.");
            }
        }
        form.ifPresent(this::end);
        say("Too many failed attempts.");
        return new Attempts(Optional.empty(), ExitCodes.REFUSED);
    }

    /** Runs commands on the session; true to log in again (after a logout or the session's end), false to leave. */
    private boolean shell(LoginInput input, Session session) {
        String prompt = name(session) + "> ";
        while (true) {
            Optional<String> line = input.command(prompt);
            if (line.isEmpty()) {
                end(session);
                say("Logged out.");
                return false;
            }
            String command = line.get().strip();
            switch (command) {
                case "":
                    break;
                case "greet":
                case "whoami":
                    Greeting greeting = await(useCases.greet().greet(Optional.of(session.id())));
                    if (!(greeting instanceof Greeting.Welcome welcome)) {
                        say(SESSION_ENDED);
                        return true;
                    }
                    say(command.equals("greet") ? "Hello, " + name(session) + "!" : whoami(welcome.session()));
                    break;
                case "logout":
                    end(session);
                    say("Logged out.");
                    return true;
                case "quit":
                case "exit":
                    end(session);
                    say("Logged out.");
                    return false;
                case "help":
                    say("greet   say hello, as the web's front page does");
                    say("whoami  show who is logged in, and this session's handle");
                    say("logout  end this session and log in again");
                    say("quit    end this session and leave (or press Ctrl-D)");
                    break;
                default:
                    say("Unknown command: " + TerminalText.escape(command) + ". Type help for the commands.");
            }
        }
    }

    private void say(String line) {
        out.println(line);
        out.flush();
    }

    private void end(Session session) {
        await(useCases.logOut().logOut(new LogOutCommand(Optional.<SessionId>of(session.id()), session.csrfToken().value())));
    }

    private static String name(Session session) {
        return TerminalText.escape(session.user().map(user -> user.value()).orElse(""));
    }

    private static String whoami(Session session) {
        return name(session) + ", " + session.channel().label() + " session " + session.summary().handle()
                + ", logged in at " + session.createdAt().truncatedTo(ChronoUnit.SECONDS) + ".";
    }
}
