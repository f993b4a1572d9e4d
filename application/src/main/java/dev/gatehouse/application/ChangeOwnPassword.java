package dev.gatehouse.application;

import dev.gatehouse.domain.AuditEvent;
import dev.gatehouse.domain.AuditLog;
import dev.gatehouse.domain.Users;
import dev.gatehouse.domain.Credentials;
import dev.gatehouse.domain.LoginThrottle;
import dev.gatehouse.domain.Password;
import dev.gatehouse.domain.PasswordBlocklist;
import dev.gatehouse.domain.Session;
import dev.gatehouse.domain.SessionEnd;
import dev.gatehouse.domain.SessionRepository;
import dev.gatehouse.domain.Username;

import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * A logged-in user changes their own password (S10): the current password is checked first (and
 * throttled like a login, so a stolen session cannot guess it), the new one must meet the policy
 * and the blocklist, and then the user's credential version moves on, which ends every other
 * session of the user. The session the change was made in goes on under a new id, like a login.
 */
public final class ChangeOwnPassword {

    private final Greet greet;
    private final SessionRepository sessions;
    private final ThrottledPasswordCheck passwordCheck;
    private final LoginThrottle throttle;
    private final Users users;
    private final PasswordBlocklist blocklist;
    private final AuditLog audit;
    private final Clock clock;

    /** @param greet who is logged in with the session, the credential version checked: the same {@link Greet} every use case asks */
    public ChangeOwnPassword(Greet greet, SessionRepository sessions, LoginThrottle throttle, Users users, PasswordBlocklist blocklist,
                             AuditLog audit, Clock clock) {
        this.greet = greet;
        this.sessions = sessions;
        this.passwordCheck = new ThrottledPasswordCheck(users, throttle, clock);
        this.throttle = throttle;
        this.users = users;
        this.blocklist = blocklist;
        this.audit = audit;
        this.clock = clock;
    }

    public CompletionStage<ChangeOwnPasswordResult> change(ChangeOwnPasswordCommand command) {
        return greet.greet(command.sessionId()).thenCompose(greeting -> greeting.fold(welcome -> {
            if (!welcome.session().csrfMatches(command.csrfToken())) {
                command.wipe();
                return CompletableFuture.completedFuture(new ChangeOwnPasswordResult.FormExpired());
            }
            return change(welcome, command);
        }, nobody -> {
            command.wipe();
            return CompletableFuture.completedFuture(new ChangeOwnPasswordResult.NotLoggedIn());
        }));
    }

    private CompletionStage<ChangeOwnPasswordResult> change(Greeting.Welcome welcome, ChangeOwnPasswordCommand command) {
        Session session = welcome.session();
        Username user = welcome.username();
        // The logged-in session is as good as a known device: its guesses back off on their own, and a stranger's lockout of the account does not stop its owner.
        LoginThrottle.Attempt attempt = new LoginThrottle.Attempt(user, command.client(), Optional.of("session:" + session.id().handle()));
        return throttle.admit(attempt, clock.instant()).thenCompose(admission -> admission.fold(
                allowed -> passwordCheck.check(new Credentials(user, command.currentPassword()), attempt).thenCompose(outcome -> outcome.fold(
                        authenticated -> setNew(session, user, command.newPassword()),
                        rejected -> {
                            command.newPassword().wipe();
                            audit.record(new AuditEvent(AuditEvent.Kind.LOGIN_FAILED, user, session.id().handle(), command.client(),
                                    "wrong current password for a password change"));
                            return CompletableFuture.completedFuture(new ChangeOwnPasswordResult.WrongPassword());
                        })),
                wait -> {
                    command.wipe();
                    audit.record(new AuditEvent(AuditEvent.Kind.LOGIN_THROTTLED, user, session.id().handle(), command.client(),
                            ThrottledAttempts.detail(wait.retryAfter())));
                    return CompletableFuture.completedFuture(new ChangeOwnPasswordResult.Throttled(wait.retryAfter()));
                }));
    }

    private CompletionStage<ChangeOwnPasswordResult> setNew(Session session, Username user, Password newPassword) {
        return NewPasswords.problemWith(newPassword, blocklist).thenCompose(problem -> {
            if (problem.isPresent()) {
                newPassword.wipe();
                return CompletableFuture.completedFuture(new ChangeOwnPasswordResult.WeakPassword(problem.get()));
            }
            return users.changePassword(user, newPassword)
                    .whenComplete((changed, failure) -> newPassword.wipe())
                    .thenCompose(changed -> users.current(user))
                    .thenCompose(version -> {
                        if (version.isEmpty()) {
                            // Removed or disabled while the password was being changed: nothing to go on with.
                            return sessions.end(session.id().storageKey(), SessionEnd.ENDED_BY_ADMINISTRATOR)
                                    .thenApply(deleted -> new ChangeOwnPasswordResult.NotLoggedIn());
                        }
                        Session renewed = session.loggedInAs(user, version.getAsLong(), session.authMethod().withPasswordTyped(), clock.instant());
                        audit.record(new AuditEvent(AuditEvent.Kind.PASSWORD_CHANGED, user, renewed.id().handle(), null, "by the user"));
                        return sessions.delete(session.id())
                                .thenCompose(deleted -> sessions.save(renewed))
                                .thenApply(saved -> new ChangeOwnPasswordResult.Changed(renewed));
                    });
        });
    }
}
