package dev.gatehouse.application;

import dev.gatehouse.domain.AuditEvent;
import dev.gatehouse.domain.AuditLog;
import dev.gatehouse.domain.Authentication;
import dev.gatehouse.domain.AuthenticationService;
import dev.gatehouse.domain.Channel;
import dev.gatehouse.domain.Credentials;
import dev.gatehouse.domain.LoginThrottle;
import dev.gatehouse.domain.Password;
import dev.gatehouse.domain.Session;
import dev.gatehouse.domain.SessionPolicy;
import dev.gatehouse.domain.SessionRepository;
import dev.gatehouse.domain.Username;

import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Logs a visitor in: checks the form's CSRF token against its session, asks the throttle whether
 * a password may be checked for this account from this client, checks the credentials, then
 * replaces the session with a new one (new id, new token, same attributes) so that an id known
 * before login is worthless after it.
 */
public final class LogIn {

    private final CurrentSession current;
    private final SessionRepository sessions;
    private final ThrottledPasswordCheck passwordCheck;
    private final LoginThrottle throttle;
    private final AuditLog audit;
    private final Clock clock;

    public LogIn(SessionRepository sessions, AuthenticationService authentication, LoginThrottle throttle, AuditLog audit,
                 SessionPolicy policy, Clock clock) {
        this.current = new CurrentSession(sessions, audit, policy, clock);
        this.audit = audit;
        this.sessions = sessions;
        this.passwordCheck = new ThrottledPasswordCheck(authentication, throttle, clock);
        this.throttle = throttle;
        this.clock = clock;
    }

    public CompletionStage<LoginResult> logIn(LogInCommand command) {
        return current.find(command.sessionId()).thenCompose(found -> {
            Optional<Session> form = found.filter(session -> session.csrfToken().matches(command.csrfToken()));
            if (form.isEmpty()) {
                command.password().wipe();
                return CompletableFuture.completedFuture(new LoginResult.FormExpired());
            }
            return attempt(form.get(), command);
        });
    }

    /**
     * A login with no form before it, for clients that post credentials as JSON (which no
     * cross-site form can send). A live session the request came with must prove itself with its
     * CSRF token, and is then replaced as a form's would be; otherwise the login starts from a
     * new session, and a failed attempt stores nothing.
     */
    public CompletionStage<LoginResult> logInWithoutForm(LogInCommand command) {
        return current.find(command.sessionId()).thenCompose(found -> {
            if (found.isEmpty()) {
                return attempt(Session.startAnonymous(Channel.WEB, clock.instant()), command);
            }
            if (!found.get().csrfToken().matches(command.csrfToken())) {
                command.password().wipe();
                return CompletableFuture.completedFuture(new LoginResult.FormExpired());
            }
            return attempt(found.get(), command);
        });
    }

    private CompletionStage<LoginResult> attempt(Session form, LogInCommand command) {
        Optional<Username> username = Username.parse(command.username());
        Password password = command.password();
        if (username.isEmpty() || password.isEmpty() || password.codePointCount() > Password.MAX_CODE_POINTS) {
            // No user can have this name or password, so there is nothing to hash, or to count.
            password.wipe();
            audit.record(new AuditEvent(AuditEvent.Kind.LOGIN_FAILED, username.orElse(null), null, command.client(),
                    username.isEmpty() ? "unusable username" : "unusable password"));
            return CompletableFuture.completedFuture(new LoginResult.Rejected(form));
        }
        return throttle.admit(username.get(), command.client(), clock.instant()).thenCompose(admission -> {
            if (admission instanceof LoginThrottle.Admission.Wait wait) {
                password.wipe();
                audit.record(new AuditEvent(AuditEvent.Kind.LOGIN_THROTTLED, username.get(), null, command.client(),
                        "retry after " + LoginResult.Throttled.wholeSeconds(wait.retryAfter()) + " s"));
                return CompletableFuture.completedFuture(new LoginResult.Throttled(form, wait.retryAfter()));
            }
            return passwordCheck.check(new Credentials(username.get(), password), command.client())
                    .thenCompose(outcome -> {
                        if (outcome instanceof Authentication.Authenticated authenticated) {
                            return replace(form, authenticated, command);
                        }
                        audit.record(new AuditEvent(AuditEvent.Kind.LOGIN_FAILED, username.get(), null, command.client(), null));
                        return CompletableFuture.completedFuture(new LoginResult.Rejected(form));
                    });
        });
    }

    private CompletionStage<LoginResult> replace(Session before, Authentication.Authenticated who, LogInCommand command) {
        Session after = before.loggedInAs(who.username(), who.credentialVersion(), clock.instant()).describedAs(command.device());
        audit.record(new AuditEvent(AuditEvent.Kind.LOGIN_SUCCEEDED, who.username(), after.id().handle(), command.client(), null));
        return sessions.delete(before.id())
                .thenCompose(deleted -> sessions.save(after))
                .thenApply(saved -> new LoginResult.LoggedIn(after));
    }
}
