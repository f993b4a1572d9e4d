package dev.gatehouse.application;

import dev.gatehouse.domain.AuditEvent;
import dev.gatehouse.domain.AuditLog;
import dev.gatehouse.domain.AuthenticationService;
import dev.gatehouse.domain.Credentials;
import dev.gatehouse.domain.LoginThrottle;
import dev.gatehouse.domain.Password;
import dev.gatehouse.domain.Session;
import dev.gatehouse.domain.SessionId;
import dev.gatehouse.domain.SessionRepository;
import dev.gatehouse.domain.Username;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/**
 * A logged-in user proves who they are again, with the password, before a sensitive change
 * (setting up or removing a second factor, new recovery codes): the check is throttled as a
 * login's is, and the session records the time, so that the next {@link Session#RECHECK_AFTER}
 * need not ask again. A session stolen without the password cannot make those changes.
 */
public final class Reauthenticate {

    /** The password as typed for a re-check, with the session's CSRF token. */
    public record Command(Optional<SessionId> sessionId, String csrfToken, Password password, String client) {
        public Command {
            Objects.requireNonNull(sessionId, "sessionId");
            Objects.requireNonNull(password, "password");
            Objects.requireNonNull(client, "client");
        }

        @Override
        public String toString() {
            return "Reauthenticate.Command[sessionId=" + sessionId + ", password=hidden, client=" + client + "]";
        }
    }

    /** How a re-check ends. */
    public sealed interface Result {
        /** Right: the session, now recently authenticated. */
        record Confirmed(Session session) implements Result {
            @Override
            public <R> R fold(Function<Confirmed, R> confirmed, Function<WrongPassword, R> wrong, Function<Throttled, R> throttled,
                                  Function<NotLoggedIn, R> notLoggedIn, Function<FormExpired, R> formExpired) {
                return confirmed.apply(this);
            }
        }

        record WrongPassword() implements Result {
            public static final String MESSAGE = "That password is not right.";

            @Override
            public <R> R fold(Function<Confirmed, R> confirmed, Function<WrongPassword, R> wrong, Function<Throttled, R> throttled,
                                  Function<NotLoggedIn, R> notLoggedIn, Function<FormExpired, R> formExpired) {
                return wrong.apply(this);
            }
        }

        record Throttled(Duration retryAfter) implements Result {
            @Override
            public <R> R fold(Function<Confirmed, R> confirmed, Function<WrongPassword, R> wrong, Function<Throttled, R> throttled,
                                  Function<NotLoggedIn, R> notLoggedIn, Function<FormExpired, R> formExpired) {
                return throttled.apply(this);
            }
        }

        record NotLoggedIn() implements Result {
            @Override
            public <R> R fold(Function<Confirmed, R> confirmed, Function<WrongPassword, R> wrong, Function<Throttled, R> throttled,
                                  Function<NotLoggedIn, R> notLoggedIn, Function<FormExpired, R> formExpired) {
                return notLoggedIn.apply(this);
            }
        }

        record FormExpired() implements Result {
            @Override
            public <R> R fold(Function<Confirmed, R> confirmed, Function<WrongPassword, R> wrong, Function<Throttled, R> throttled,
                                  Function<NotLoggedIn, R> notLoggedIn, Function<FormExpired, R> formExpired) {
                return formExpired.apply(this);
            }
        }

        /** One function per case: a new case fails to compile wherever the answer is given. */
        <R> R fold(Function<Confirmed, R> confirmed, Function<WrongPassword, R> wrong, Function<Throttled, R> throttled,
                   Function<NotLoggedIn, R> notLoggedIn, Function<FormExpired, R> formExpired);
    }

    private final Greet greet;
    private final SessionRepository sessions;
    private final LoginThrottle throttle;
    private final ThrottledPasswordCheck passwordCheck;
    private final AuditLog audit;
    private final Clock clock;

    public Reauthenticate(Greet greet, SessionRepository sessions, AuthenticationService authentication, LoginThrottle throttle, AuditLog audit,
                          Clock clock) {
        this.greet = greet;
        this.sessions = sessions;
        this.throttle = throttle;
        this.passwordCheck = new ThrottledPasswordCheck(authentication, throttle, clock);
        this.audit = audit;
        this.clock = clock;
    }

    public CompletionStage<Result> confirm(Command command) {
        return greet.greet(command.sessionId()).thenCompose(greeting -> greeting.fold(welcome -> {
            if (!welcome.session().csrfMatches(command.csrfToken())) {
                command.password().wipe();
                return CompletableFuture.completedFuture(new Result.FormExpired());
            }
            return check(welcome.session(), welcome.username(), command);
        }, nobody -> {
            command.password().wipe();
            return CompletableFuture.completedFuture(new Result.NotLoggedIn());
        }));
    }

    private CompletionStage<Result> check(Session session, Username user, Command command) {
        // As for a password change: the session counts as a known device, so a stranger's lockout of the account does not stop its owner.
        LoginThrottle.Attempt attempt = new LoginThrottle.Attempt(user, command.client(), Optional.of("session:" + session.id().handle()));
        return throttle.admit(attempt, clock.instant()).thenCompose(admission -> admission.fold(
                allowed -> passwordCheck.check(new Credentials(user, command.password()), attempt).thenCompose(outcome -> outcome.fold(
                        authenticated -> {
                            Session rechecked = session.reauthenticated(clock.instant());
                            return sessions.putAttribute(session.id(), Session.AUTHENTICATION, rechecked.attributes().get(Session.AUTHENTICATION))
                                    .thenApply(stored -> stored ? new Result.Confirmed(rechecked) : new Result.NotLoggedIn());
                        },
                        rejected -> {
                            audit.record(new AuditEvent(AuditEvent.Kind.LOGIN_FAILED, user, session.id().handle(), command.client(),
                                    "wrong password for a re-check"));
                            return CompletableFuture.completedFuture(new Result.WrongPassword());
                        })),
                wait -> {
                    command.password().wipe();
                    audit.record(new AuditEvent(AuditEvent.Kind.LOGIN_THROTTLED, user, session.id().handle(), command.client(),
                            ThrottledAttempts.detail(wait.retryAfter())));
                    return CompletableFuture.completedFuture(new Result.Throttled(wait.retryAfter()));
                }));
    }
}
