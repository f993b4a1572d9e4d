package dev.gatehouse.adapter.cli;

import dev.gatehouse.application.ChangeOwnPasswordCommand;
import dev.gatehouse.application.CompleteLogin;
import dev.gatehouse.application.CompleteLoginCommand;
import dev.gatehouse.application.CompleteLoginResult;
import dev.gatehouse.application.EnrolAuthenticator;
import dev.gatehouse.application.Identity;
import dev.gatehouse.application.ManageSecondFactors;
import dev.gatehouse.application.Reauthenticate;
import dev.gatehouse.application.SecondFactorMethod;
import dev.gatehouse.application.VerifySecondFactorResult;
import dev.gatehouse.application.FlashMessage;
import dev.gatehouse.application.Greeting;
import dev.gatehouse.application.LogInCommand;
import dev.gatehouse.application.LogOutCommand;
import dev.gatehouse.application.LogInResult;
import dev.gatehouse.application.ChangeOwnPasswordResult;
import dev.gatehouse.domain.Channel;
import dev.gatehouse.domain.Password;
import dev.gatehouse.domain.Session;
import dev.gatehouse.domain.SessionEnd;
import dev.gatehouse.domain.SessionId;
import dev.gatehouse.domain.Username;

import java.io.PrintWriter;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import static dev.gatehouse.adapter.cli.CoreCalls.await;

/**
 * The terminal's login and its small shell, over the same use cases as the web: the login goes
 * through {@code LogIn} as the JSON API's does (so every rule of it applies here too, the device
 * tokens of {@link TerminalDevices} included), and each command asks {@code Greet} whether the
 * session still stands. Leaving, in any way, ends the session.
 */
final class LoginShell {

    static final List<String> COMMANDS = List.of("greet", "whoami", "passwd", "2fa", "2fa setup", "2fa recovery-codes", "2fa off", "logout",
            "help", "quit");
    static final int MAX_ATTEMPTS = 3;
    /** What the throttle counts terminal attempts by: they all come from this machine. */
    static final String CLIENT = "terminal";

    private final TerminalCore.LoginUseCases useCases;
    private final TerminalDevices devices;
    private final PrintWriter out;

    LoginShell(TerminalCore.LoginUseCases useCases, TerminalDevices devices, PrintWriter out) {
        this.useCases = useCases;
        this.devices = devices;
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

    /** What one login attempt comes to at the terminal: a session, or what to say and whether it counts as a failure. */
    private record Turn(Optional<Session> session, String saying, boolean countsAsFailed) {
    }

    private Attempts logIn(LoginInput input) {
        int rejected = 0;
        while (rejected < MAX_ATTEMPTS) {
            Optional<String> username = input.username("Username: ");
            if (username.isPresent() && username.get().isBlank()) {
                continue;
            }
            Optional<char[]> typed = username.isPresent() ? input.password("Password: ") : Optional.empty();
            if (typed.isEmpty()) {
                return new Attempts(Optional.empty(), rejected > 0 ? ExitCodes.REFUSED : ExitCodes.OK);
            }
            // Nothing is stored before a login succeeds: the attempt starts from a new session, as the JSON API's does.
            LogInResult result = await(useCases.logIn().logInWithoutForm(new LogInCommand(Optional.empty(), Optional.empty(), null,
                    username.get(), Password.of(typed.get()), CLIENT, Channel.TERMINAL, CLIENT, devices.tokensFor(username.get()))));
            String name = username.get();
            Turn turn = result.fold(loggedIn -> {
                devices.remember(name, loggedIn.deviceToken());
                return new Turn(Optional.of(loggedIn.session()), null, false);
            }, halfway -> halfway.enrolFirst() ? enrolFirst(input, name, halfway.session()) : secondStep(input, name, halfway.session()), refused -> new Turn(Optional.empty(), LogInResult.Rejected.MESSAGE, true),
                    throttled -> new Turn(Optional.empty(), LogInResult.Throttled.message(throttled.retryAfter()), true),
                    expired -> new Turn(Optional.empty(), "The login took too long. Please try again.", false));
            if (turn.session().isPresent()) {
                return new Attempts(turn.session(), ExitCodes.OK);
            }
            say(turn.saying());
            rejected += turn.countsAsFailed() ? 1 : 0;
        }
        say("Too many failed attempts.");
        return new Attempts(Optional.empty(), ExitCodes.REFUSED);
    }

    /**
     * The code of an account with a second factor, asked until it is right, the tries run out, or
     * the half-way login ends; wrong codes count as failed attempts, as wrong passwords do.
     */
    private Turn secondStep(LoginInput input, String name, Session halfway) {
        for (int tries = 0; tries < MAX_ATTEMPTS; tries++) {
            Optional<String> code = input.code("Code: ");
            if (code.isEmpty()) {
                end(halfway);
                return new Turn(Optional.empty(), "Login cancelled.", false);
            }
            if (code.get().isBlank()) {
                continue;
            }
            CompleteLoginResult result = await(useCases.completeLogin().complete(new CompleteLoginCommand(Optional.of(halfway.id()),
                    halfway.csrfToken().value(), code.get(), CLIENT, devices.tokensFor(name))));
            Optional<Turn> done = result.fold(loggedIn -> {
                devices.remember(name, loggedIn.deviceToken());
                if (loggedIn.method() == SecondFactorMethod.RECOVERY_CODE) {
                    say("That recovery code is used up: " + loggedIn.recoveryCodesLeft() + " left. Type 2fa recovery-codes for a new set.");
                }
                return Optional.of(new Turn(Optional.of(loggedIn.session()), null, false));
            }, wrong -> {
                say(VerifySecondFactorResult.Wrong.MESSAGE);
                return Optional.<Turn>empty();
            }, throttled -> Optional.of(new Turn(Optional.empty(), LogInResult.Throttled.message(throttled.retryAfter()), true)),
                    again -> Optional.of(new Turn(Optional.empty(), CompleteLoginResult.LogInAgain.MESSAGE, false)),
                    expired -> Optional.of(new Turn(Optional.empty(), CompleteLoginResult.LogInAgain.MESSAGE, false)));
            if (done.isPresent()) {
                return done.get();
            }
        }
        end(halfway);
        return new Turn(Optional.empty(), "Too many wrong codes.", true);
    }

    /**
     * A user who must have a second factor and has none sets one up before the login goes on:
     * the QR code and key, then a code from the app, as {@code 2fa setup} asks.
     */
    private Turn enrolFirst(LoginInput input, String name, Session halfway) {
        Optional<CompleteLogin.SecondStep> step = await(useCases.completeLogin().secondStep(Optional.of(halfway.id())));
        Optional<EnrolAuthenticator.Pending> begun = step.flatMap(found -> useCases.completeLogin().beginEnrolment(found));
        if (begun.isEmpty()) {
            return new Turn(Optional.empty(), CompleteLoginResult.LogInAgain.MESSAGE, false);
        }
        say("Your account needs two-factor authentication: a code from an app on your phone, after your password.");
        showKey(begun.get());
        EnrolAuthenticator.Pending pending = begun.get();
        for (int tries = 0; tries < MAX_ATTEMPTS; tries++) {
            Optional<String> code = input.code("Code from the app: ");
            if (code.isEmpty() || code.get().isBlank()) {
                end(halfway);
                return new Turn(Optional.empty(), "Login cancelled.", false);
            }
            CompleteLogin.EnrolmentResult result = await(useCases.completeLogin().enrol(Optional.of(halfway.id()), halfway.csrfToken().value(),
                    pending.token(), code.get(), CLIENT));
            Optional<Turn> done = result.fold(loggedIn -> {
                devices.remember(name, loggedIn.login().deviceToken());
                sayTurnedOn(loggedIn.recoveryCodes());
                return Optional.of(new Turn(Optional.of(loggedIn.login().session()), null, false));
            }, wrong -> {
                say(EnrolAuthenticator.Result.Wrong.MESSAGE);
                return Optional.<Turn>empty();
            }, again -> Optional.of(new Turn(Optional.empty(), CompleteLoginResult.LogInAgain.MESSAGE, false)),
                    expired -> Optional.of(new Turn(Optional.empty(), CompleteLoginResult.LogInAgain.MESSAGE, false)));
            if (done.isPresent()) {
                return done.get();
            }
        }
        end(halfway);
        return new Turn(Optional.empty(), "Too many wrong codes.", true);
    }

    private void showKey(EnrolAuthenticator.Pending pending) {
        say("Scan this with your authenticator app:");
        out.print(QrText.of(pending.key().uri()));
        say("Or add a time-based key by hand: " + pending.key().base32().replaceAll("(.{4})(?!$)", "$1 "));
    }

    /** Runs commands on the session; true to log in again (after a logout or the session's end), false to leave. */
    private boolean shell(LoginInput input, Session start) {
        Session session = start;
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
                    Optional<Session> live = greeting.fold(welcome -> Optional.of(welcome.session()), nobody -> Optional.empty());
                    if (live.isEmpty()) {
                        sayEnded(greeting);
                        return true;
                    }
                    say(command.equals("greet") ? "Hello, " + name(session) + "!" : whoami(live.get()));
                    break;
                case "passwd":
                    Optional<Session> renewed = changePassword(input, session);
                    if (renewed.isEmpty()) {
                        // The change found the session ended; the greeting tells why.
                        sayEnded(await(useCases.greet().greet(Optional.of(session.id()))));
                        return true;
                    }
                    session = renewed.get();
                    break;
                case "2fa":
                case "2fa setup":
                case "2fa recovery-codes":
                case "2fa off":
                    Optional<Session> after = secondFactor(input, session, command);
                    if (after.isEmpty()) {
                        sayEnded(await(useCases.greet().greet(Optional.of(session.id()))));
                        return true;
                    }
                    session = after.get();
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
                    say("passwd  change your password (your other sessions end)");
                    say("2fa     show whether logging in asks for a code from an authenticator app");
                    say("2fa setup           set up an authenticator app (a QR code to scan)");
                    say("2fa recovery-codes  make new recovery codes (the old ones stop working)");
                    say("2fa off             stop asking for a code at login");
                    say("logout  end this session and log in again");
                    say("quit    end this session and leave (or press Ctrl-D)");
                    break;
                default:
                    say("Unknown command: " + TerminalText.escape(command) + ". Type help for the commands.");
            }
        }
    }

    /**
     * The {@code 2fa} commands. Each change asks for the password first, as the web's setup does;
     * returns the session to go on with, or empty when it has ended meanwhile.
     */
    private Optional<Session> secondFactor(LoginInput input, Session session, String command) {
        Username user = session.user().orElseThrow();
        if (command.equals("2fa")) {
            ManageSecondFactors.Status status = await(useCases.manageSecondFactors().status(user));
            say(status.enrolled() ? "Two-factor authentication is on: " + status.recoveryCodesLeft() + " recovery codes left."
                    : "Two-factor authentication is off. Type 2fa setup to add an authenticator app.");
            return Optional.of(session);
        }
        Optional<char[]> typed = input.password("Password: ");
        if (typed.isEmpty()) {
            say("Nothing changed.");
            return Optional.of(session);
        }
        Reauthenticate.Result checked = await(useCases.reauthenticate().confirm(new Reauthenticate.Command(Optional.of(session.id()),
                session.csrfToken().value(), Password.of(typed.get()), CLIENT)));
        return checked.fold(confirmed -> {
            Identity.LoggedIn in = new Identity.LoggedIn(user, confirmed.session(), Optional.empty());
            String csrf = in.session().csrfToken().value();
            return switch (command) {
                case "2fa setup" -> Optional.of(setUp(input, in));
                case "2fa recovery-codes" -> sayManaged(await(useCases.manageSecondFactors().renewRecoveryCodes(in, csrf)), confirmed.session());
                default -> sayManaged(await(useCases.manageSecondFactors().remove(in, csrf)), confirmed.session());
            };
        }, wrong -> {
            say(Reauthenticate.Result.WrongPassword.MESSAGE + " Nothing changed.");
            return Optional.of(session);
        }, throttled -> {
            say(LogInResult.Throttled.message(throttled.retryAfter()));
            return Optional.of(session);
        }, notLoggedIn -> Optional.<Session>empty(), expired -> Optional.<Session>empty());
    }

    /** The set-up dialogue; the session to go on with (raised to two factors once it is on). */
    private Session setUp(LoginInput input, Identity.LoggedIn in) {
        Optional<EnrolAuthenticator.Pending> begun = useCases.enrolAuthenticator().begin(in);
        if (begun.isEmpty()) {
            say("Nothing changed.");
            return in.session();
        }
        EnrolAuthenticator.Pending pending = begun.get();
        showKey(pending);
        for (int tries = 0; tries < MAX_ATTEMPTS; tries++) {
            Optional<String> code = input.code("Code from the app: ");
            if (code.isEmpty() || code.get().isBlank()) {
                say("Setup cancelled; nothing changed.");
                return in.session();
            }
            EnrolAuthenticator.Result result = await(useCases.enrolAuthenticator().confirm(in, in.session().csrfToken().value(), pending.token(), code.get()));
            Optional<Session> done = result.fold(enrolled -> {
                sayTurnedOn(enrolled.recoveryCodes());
                return Optional.of(enrolled.session());
            }, wrong -> {
                say(EnrolAuthenticator.Result.Wrong.MESSAGE);
                return Optional.<Session>empty();
            }, expired -> {
                say(EnrolAuthenticator.Result.Expired.MESSAGE);
                return Optional.of(in.session());
            }, recheck -> {
                say(EnrolAuthenticator.Result.Expired.MESSAGE);
                return Optional.of(in.session());
            }, formExpired -> {
                say(EnrolAuthenticator.Result.Expired.MESSAGE);
                return Optional.of(in.session());
            });
            if (done.isPresent()) {
                return done.get();
            }
        }
        say("Setup cancelled; nothing changed.");
        return in.session();
    }

    /** What a change of the second factor did; the session to go on with (renewed when the factor was turned off). */
    private Optional<Session> sayManaged(ManageSecondFactors.Result result, Session session) {
        return result.fold(renewed -> {
            sayRecoveryCodes(renewed.recoveryCodes());
            return Optional.of(session);
        }, removed -> {
            say("Two-factor authentication is off: your password alone logs you in. Your other sessions have ended.");
            return Optional.of(removed.session());
        }, required -> {
            say(ManageSecondFactors.Result.Required.MESSAGE);
            return Optional.of(session);
        }, notEnrolled -> {
            say("Two-factor authentication is off already. Type 2fa setup to add an authenticator app.");
            return Optional.of(session);
        }, recheck -> {
            say("Nothing changed.");
            return Optional.of(session);
        }, formExpired -> {
            say("Nothing changed.");
            return Optional.of(session);
        });
    }

    private void sayTurnedOn(List<String> recoveryCodes) {
        say("Two-factor authentication is on. Logging in now asks for a code after the password.");
        sayRecoveryCodes(recoveryCodes);
    }

    private void sayRecoveryCodes(List<String> codes) {
        say("Your recovery codes, shown only now. Each works once in place of a code; keep them apart from your phone:");
        codes.forEach(code -> say("  " + code));
    }

    /** The password change, asked for at the terminal; the session to go on with, or empty when there is none any more. */
    private Optional<Session> changePassword(LoginInput input, Session session) {
        Optional<char[]> current = input.password("Current password: ");
        Optional<char[]> fresh = current.isPresent() ? input.password("New password: ") : Optional.empty();
        Optional<char[]> repeated = fresh.isPresent() ? input.password("New password again: ") : Optional.empty();
        if (repeated.isEmpty()) {
            current.ifPresent(chars -> Arrays.fill(chars, '\0'));
            fresh.ifPresent(chars -> Arrays.fill(chars, '\0'));
            say("The password is unchanged.");
            return Optional.of(session);
        }
        Password newPassword = Password.of(fresh.get());
        Password again = Password.of(repeated.get());
        boolean same = newPassword.sameAs(again);
        again.wipe();
        if (!same) {
            newPassword.wipe();
            Arrays.fill(current.get(), '\0');
            say("The new passwords do not match. The password is unchanged.");
            return Optional.of(session);
        }
        ChangeOwnPasswordResult result = await(useCases.changeOwnPassword().change(new ChangeOwnPasswordCommand(
                Optional.of(session.id()), session.csrfToken().value(), Password.of(current.get()), newPassword, CLIENT)));
        // The session goes on (under a new id once changed), unless it has ended meanwhile: then empty, and the login prompt.
        return result.fold(changed -> {
            say("Password changed. Your other sessions have been ended.");
            return Optional.of(changed.session());
        }, wrong -> {
            say(ChangeOwnPasswordResult.WrongPassword.MESSAGE + " The password is unchanged.");
            return Optional.of(session);
        }, weak -> {
            say(weak.problem().explanation());
            return Optional.of(session);
        }, throttled -> {
            say(LogInResult.Throttled.message(throttled.retryAfter()));
            return Optional.of(session);
        }, notLoggedIn -> Optional.<Session>empty(), expired -> Optional.<Session>empty());
    }

    /** Why the session ended, in the web's words; the login prompt follows (Ctrl-D there leaves, as its help says). */
    private void sayEnded(Greeting greeting) {
        SessionEnd why = greeting.fold(welcome -> SessionEnd.TIMED_OUT, nobody -> nobody.sessionEnded().orElse(SessionEnd.TIMED_OUT));
        say(FlashMessage.sessionEnded(why).text());
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
