package dev.gatehouse.adapter.cli;

import dev.gatehouse.application.RevokeSessionsResult;
import dev.gatehouse.application.RevokeSessions;
import dev.gatehouse.domain.SessionSummary;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import static dev.gatehouse.adapter.cli.CoreCalls.await;

/**
 * {@code gatehouse sessions ...}: the logged-in sessions, listed and ended from the terminal. A
 * session is named by its handle, the start of the hash of its id: the id itself is a
 * credential and is never shown.
 */
@Command(name = "sessions", mixinStandardHelpOptions = true,
        description = {"List and end logged-in sessions in a session store shared with the server.",
            "The embedded in-memory store lives inside the server process, out of reach of this command."},
        footerHeading = "%nExamples:%n", footer = {"  gatehouse sessions list --session-store redis://127.0.0.1:6379",
            "  gatehouse sessions revoke 3f2a9c1d --session-store redis://127.0.0.1:6379",
            "  gatehouse sessions revoke --user alice --session-store redis://127.0.0.1:6379"})
public final class SessionsCommand {

    static final String NOT_SHARED = "Sessions are kept in memory inside the process that made them (the embedded default), "
            + "so this command cannot reach the server's sessions. With --session-store redis://HOST:PORT (for the server too) it can.";

    @Spec
    CommandSpec spec;

    /** The composition root's options, a picocli mixin, and the core they open. */
    @Mixin
    private TerminalCore.Access core;


    public SessionsCommand(TerminalCore.Access core) {
        this.core = core;
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "List the live logged-in sessions: handle, user, where it was made, created and last seen (UTC).")
    int list(@Option(names = "--user", paramLabel = "NAME", description = "Only this user's sessions.") Optional<String> user) {
        return withSessions(sessions -> {
            List<SessionSummary> found = await(sessions.list().list(user));
            PrintWriter out = spec.commandLine().getOut();
            if (found.isEmpty()) {
                out.println("No live sessions.");
                return ExitCodes.OK;
            }
            out.printf("%-12s  %-20s  %-8s  %-19s  %s%n", "HANDLE", "USER", "CHANNEL", "CREATED", "LAST SEEN");
            for (SessionSummary session : found) {
                out.printf("%-12s  %-20s  %-8s  %-19s  %s%n", session.handle(), TerminalText.escape(session.user().value()),
                        session.channel().label(), time(session.createdAt()), time(session.lastSeenAt()));
            }
            return ExitCodes.OK;
        });
    }

    /** Exactly one of a handle and a user. */
    static final class RevokeTarget {
        @Parameters(paramLabel = "HANDLE", description = "The handle of one session as `sessions list` shows it, or its first "
                + RevokeSessions.MIN_PREFIX_LENGTH + " characters or more.")
        String handle;

        @Option(names = "--user", paramLabel = "NAME", description = "End every session of this user.")
        String user;
    }

    @Command(name = "revoke", mixinStandardHelpOptions = true,
            description = "End one session, or every session of a user. Its next request finds no session.")
    int revoke(@ArgGroup(exclusive = true, multiplicity = "1") RevokeTarget target) {
        RevokeSessions.Target chosen = target.user != null
                ? new RevokeSessions.Target.AllOfUser(target.user) : new RevokeSessions.Target.ByHandle(target.handle);
        return withSessions(sessions -> {
            RevokeSessionsResult result = await(sessions.revoke().revoke(chosen));
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            return result.fold(revoked -> {
                revoked.sessions().forEach(session -> out.println("Revoked session " + session.handle() + " of "
                        + TerminalText.escape(session.user().value()) + "."));
                return ExitCodes.OK;
            }, noMatch -> {
                err.println(TerminalText.problem(target.user != null
                        ? "There is no live session of " + TerminalText.escape(target.user) + "."
                        : "No live session has the handle " + TerminalText.escape(target.handle) + "."));
                return ExitCodes.REFUSED;
            }, ambiguous -> {
                err.println(TerminalText.problem("More than one session starts with " + TerminalText.escape(target.handle) + "; give more of the handle:"));
                ambiguous.candidates().forEach(session -> err.println("  " + session.handle() + "  "
                        + TerminalText.escape(session.user().value())));
                return ExitCodes.USAGE;
            }, invalidHandle -> {
                err.println(TerminalText.problem("A handle is " + RevokeSessions.MIN_PREFIX_LENGTH + " or more hexadecimal characters, "
                        + "as `gatehouse sessions list` shows it."));
                return ExitCodes.USAGE;
            });
        });
    }

    private int withSessions(Function<TerminalCore.SessionAdministration, Integer> work) {
        PrintWriter err = spec.commandLine().getErr();
        return CoreCalls.withCore(core::open, err, opened -> {
            Optional<TerminalCore.SessionAdministration> sessions = opened.sessions();
            if (sessions.isEmpty()) {
                err.println(TerminalText.problem(NOT_SHARED));
                return ExitCodes.UNAVAILABLE;
            }
            return work.apply(sessions.get());
        });
    }

    private static String time(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString().replace('T', ' ').replace("Z", "");
    }
}
