package dev.gatehouse.application;

import dev.gatehouse.domain.AuditEvent;
import dev.gatehouse.domain.AuditLog;
import dev.gatehouse.domain.Authentication;
import dev.gatehouse.domain.AuthenticationService;
import dev.gatehouse.domain.CredentialVersions;
import dev.gatehouse.domain.Credentials;
import dev.gatehouse.domain.LoginThrottle;
import dev.gatehouse.domain.Password;
import dev.gatehouse.domain.PasswordBlocklist;
import dev.gatehouse.domain.Session;
import dev.gatehouse.domain.SessionPolicy;
import dev.gatehouse.domain.SessionRepository;
import dev.gatehouse.domain.UserAccounts;
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
    private final UserAccounts accounts;
    private final CredentialVersions credentials;
    private final PasswordBlocklist blocklist;
    private final AuditLog audit;
    private final Clock clock;

    public ChangeOwnPassword(SessionRepository sessions, AuthenticationService authentication, LoginThrottle throttle,
                             UserAccounts accounts, CredentialVersions credentials, PasswordBlocklist blocklist, AuditLog audit,
                             SessionPolicy policy, Clock clock) {
        this.greet = new Greet(sessions, credentials, audit, policy, clock);
        this.sessions = sessions;
        this.passwordCheck = new ThrottledPasswordCheck(authentication, throttle, clock);
        this.throttle = throttle;
        this.accounts = accounts;
        this.credentials = credentials;
        this.blocklist = blocklist;
        this.audit = audit;
        this.clock = clock;
    }

    public CompletionStage<PasswordChangeResult> change(ChangeOwnPasswordCommand command) {
        return greet.greet(command.sessionId()).thenCompose(greeting -> {
            if (!(greeting instanceof Greeting.Welcome welcome) || !welcome.session().csrfToken().matches(command.csrfToken())) {
                command.wipe();
                return CompletableFuture.completedFuture(greeting instanceof Greeting.Welcome
                        ? new PasswordChangeResult.FormExpired() : new PasswordChangeResult.NotLoggedIn());
            }
            Session session = welcome.session();
            Username user = welcome.username();
            // The logged-in session is as good as a known device: its guesses back off on their own, and a stranger's lockout of the account does not stop its owner.
            LoginThrottle.Attempt attempt = new LoginThrottle.Attempt(user, command.client(), Optional.of("session:" + session.id().handle()));
            return throttle.admit(attempt, clock.instant()).thenCompose(admission -> {
                if (admission instanceof LoginThrottle.Admission.Wait wait) {
                    command.wipe();
                    audit.record(new AuditEvent(AuditEvent.Kind.LOGIN_THROTTLED, user, session.id().handle(), command.client(),
                            ThrottledAttempts.detail(wait.retryAfter())));
                    return CompletableFuture.completedFuture(new PasswordChangeResult.Throttled(wait.retryAfter()));
                }
                return passwordCheck.check(new Credentials(user, command.currentPassword()), attempt).thenCompose(outcome -> {
                    if (!(outcome instanceof Authentication.Authenticated)) {
                        command.newPassword().wipe();
                        audit.record(new AuditEvent(AuditEvent.Kind.LOGIN_FAILED, user, session.id().handle(), command.client(),
                                "wrong current password for a password change"));
                        return CompletableFuture.completedFuture(new PasswordChangeResult.WrongPassword());
                    }
                    return setNew(session, user, command.newPassword());
                });
            });
        });
    }

    private CompletionStage<PasswordChangeResult> setNew(Session session, Username user, Password newPassword) {
        return NewPasswords.problemWith(newPassword, blocklist).thenCompose(problem -> {
            if (problem.isPresent()) {
                newPassword.wipe();
                return CompletableFuture.completedFuture(new PasswordChangeResult.WeakPassword(problem.get()));
            }
            return accounts.changePassword(user, newPassword)
                    .whenComplete((changed, failure) -> newPassword.wipe())
                    .thenCompose(changed -> credentials.current(user))
                    .thenCompose(version -> {
                        if (version.isEmpty()) {
                            // Removed or disabled while the password was being changed: nothing to go on with.
                            return sessions.delete(session.id()).thenApply(deleted -> new PasswordChangeResult.NotLoggedIn());
                        }
                        Session renewed = session.loggedInAs(user, version.getAsLong(), clock.instant());
                        audit.record(new AuditEvent(AuditEvent.Kind.PASSWORD_CHANGED, user, renewed.id().handle(), null, "by the user"));
                        return sessions.delete(session.id())
                                .thenCompose(deleted -> sessions.save(renewed))
                                .thenApply(saved -> new PasswordChangeResult.Changed(renewed));
                    });
        });
    }
}
