package dev.gatehouse.application;

import dev.gatehouse.domain.AuditEvent;
import dev.gatehouse.domain.AuditLog;
import dev.gatehouse.domain.AuthMethod;
import dev.gatehouse.domain.Authentication;
import dev.gatehouse.domain.AuthenticationService;
import dev.gatehouse.domain.Credentials;
import dev.gatehouse.domain.CsrfToken;
import dev.gatehouse.domain.KnownDevice;
import dev.gatehouse.domain.LoginThrottle;
import dev.gatehouse.domain.Password;
import dev.gatehouse.domain.PreLogin;
import dev.gatehouse.domain.Session;
import dev.gatehouse.domain.SessionPolicy;
import dev.gatehouse.domain.SessionRepository;
import dev.gatehouse.domain.Signer;
import dev.gatehouse.domain.Username;

import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Logs a visitor in: checks the form's CSRF token, asks the throttle whether a password may be
 * checked for this account from this client (through this device, when it is one the account has
 * logged in from before), checks the credentials, then replaces the session (with a half-way one
 * when the user has a second factor, which {@link CompleteLogin} then checks)
 * with a new one (new id, new token, same attributes) so that an id known before login is
 * worthless after it, and ends the user's oldest sessions beyond the cap.
 */
public final class LogIn {

    private final CurrentSession current;
    private final SessionRepository sessions;
    private final Signer signer;
    private final ThrottledPasswordCheck passwordCheck;
    private final LoginThrottle throttle;
    private final SessionCap cap;
    private final SecondFactorDemands secondFactors;
    private final AuditLog audit;
    private final Clock clock;

    public LogIn(SessionRepository sessions, AuthenticationService authentication, SecondFactorDemands secondFactors, LoginThrottle throttle,
                 Signer signer, AuditLog audit, SessionPolicy policy, Clock clock) {
        this.secondFactors = secondFactors;
        this.current = new CurrentSession(sessions, audit, policy, clock);
        this.audit = audit;
        this.sessions = sessions;
        this.signer = signer;
        this.passwordCheck = new ThrottledPasswordCheck(authentication, throttle, clock);
        this.throttle = throttle;
        this.cap = new SessionCap(sessions, audit, policy);
        this.clock = clock;
    }

    /**
     * Where an attempt starts from: the live session it replaces, if any (a fresh session, never
     * stored, otherwise), and the CSRF token a form shown again carries.
     */
    private record Start(Session session, boolean stored, CsrfToken formToken) {
    }

    /**
     * A login through a form. Its CSRF token must be the live session's, or the signature of the
     * pre-login value the request holds; the second needs nothing stored, so a stranger's failed
     * attempts leave nothing behind either.
     */
    public CompletionStage<LogInResult> logIn(LogInCommand command) {
        return current.find(command.sessionId()).thenCompose(found -> {
            if (found.isPresent() && found.get().csrfMatches(command.csrfToken())) {
                return attempt(new Start(found.get(), true, found.get().csrfToken()), command);
            }
            Optional<PreLogin> preLogin = command.preLogin()
                    .filter(value -> command.csrfToken() != null && signer.verifies(Signer.Purpose.LOGIN_FORM, value.value(), command.csrfToken()));
            if (preLogin.isEmpty()) {
                command.password().wipe();
                return CompletableFuture.completedFuture(new LogInResult.FormExpired());
            }
            Start start = found.map(session -> new Start(session, true, OpenLoginForm.formToken(signer, preLogin.get())))
                    .orElseGet(() -> new Start(Session.startAnonymous(command.channel(), clock.instant()), false,
                            OpenLoginForm.formToken(signer, preLogin.get())));
            return attempt(start, command);
        });
    }

    /**
     * A login with no form before it, for clients that post credentials as JSON (which no
     * cross-site form can send) and for the terminal. A live session the request came with must
     * prove itself with its CSRF token, and is then replaced as a form's would be; otherwise the
     * login starts from a new session, and a failed attempt stores nothing.
     */
    public CompletionStage<LogInResult> logInWithoutForm(LogInCommand command) {
        return current.find(command.sessionId()).thenCompose(found -> {
            if (found.isEmpty()) {
                Session fresh = Session.startAnonymous(command.channel(), clock.instant());
                return attempt(new Start(fresh, false, fresh.csrfToken()), command);
            }
            if (!found.get().csrfMatches(command.csrfToken())) {
                command.password().wipe();
                return CompletableFuture.completedFuture(new LogInResult.FormExpired());
            }
            return attempt(new Start(found.get(), true, found.get().csrfToken()), command);
        });
    }

    private CompletionStage<LogInResult> attempt(Start start, LogInCommand command) {
        Optional<Username> username = Username.parse(command.username());
        Password password = command.password();
        if (username.isEmpty() || password.isEmpty() || password.codePointCount() > Password.MAX_CODE_POINTS) {
            // No user can have this name or password, so there is nothing to hash, or to count.
            password.wipe();
            audit.record(new AuditEvent(AuditEvent.Kind.LOGIN_FAILED, username.orElse(null), null, command.client(),
                    username.isEmpty() ? "unusable username" : "unusable password"));
            return CompletableFuture.completedFuture(new LogInResult.Rejected(start.formToken()));
        }
        Optional<KnownDevice> device = command.deviceTokens().stream()
                .flatMap(token -> KnownDevice.recognise(signer, username.get(), token).stream()).findFirst();
        LoginThrottle.Attempt throttled = new LoginThrottle.Attempt(username.get(), command.client(), device.map(KnownDevice::id));
        return throttle.admit(throttled, clock.instant()).thenCompose(admission -> admission.fold(
                allowed -> passwordCheck.check(new Credentials(username.get(), password), throttled).thenCompose(outcome -> outcome.fold(
                        authenticated -> secondFactors.of(authenticated.username(), command.trustedBrowserToken(), clock.instant())
                                .thenCompose(demand -> demand.none() ? replace(start, authenticated, demand.trustedBrowser()
                                        ? AuthMethod.PASSWORD_AND_TRUSTED_BROWSER : AuthMethod.PASSWORD, command)
                                        : halfway(start, authenticated, demand, command)),
                        rejected -> {
                            audit.record(new AuditEvent(AuditEvent.Kind.LOGIN_FAILED, username.get(), null, command.client(), null));
                            return CompletableFuture.completedFuture(new LogInResult.Rejected(start.formToken()));
                        })),
                wait -> {
                    password.wipe();
                    audit.record(new AuditEvent(AuditEvent.Kind.LOGIN_THROTTLED, username.get(), null, command.client(),
                            ThrottledAttempts.detail(wait.retryAfter())));
                    return CompletableFuture.completedFuture(new LogInResult.Throttled(start.formToken(), wait.retryAfter()));
                }));
    }

    /** The password was right and a second factor must follow: the form's session is replaced by a half-way one. */
    private CompletionStage<LogInResult> halfway(Start start, Authentication.Authenticated who, SecondFactorDemands.Demand demand,
                                                 LogInCommand command) {
        Session before = start.session();
        Session after = before.awaitingSecondFactor(who.username(), who.credentialVersion(), clock.instant()).describedAs(command.device());
        audit.record(new AuditEvent(AuditEvent.Kind.SECOND_FACTOR_ASKED, who.username(), after.id().handle(), command.client(),
                demand.enrolFirst() ? "to be set up first" : null));
        CompletionStage<Void> previous = start.stored() ? sessions.delete(before.id()) : CompletableFuture.completedFuture(null);
        return previous.thenCompose(deleted -> sessions.save(after)).thenApply(saved -> new LogInResult.SecondFactorRequired(after, demand.methods()));
    }

    private CompletionStage<LogInResult> replace(Start start, Authentication.Authenticated who, AuthMethod method, LogInCommand command) {
        Session before = start.session();
        Session after = before.loggedInAs(who.username(), who.credentialVersion(), method, clock.instant()).describedAs(command.device());
        audit.record(new AuditEvent(AuditEvent.Kind.LOGIN_SUCCEEDED, who.username(), after.id().handle(), command.client(),
                method == AuthMethod.PASSWORD_AND_TRUSTED_BROWSER ? "in a trusted browser" : null));
        CompletionStage<Void> previous = start.stored() ? sessions.delete(before.id()) : CompletableFuture.completedFuture(null);
        return previous
                .thenCompose(deleted -> sessions.save(after))
                .thenCompose(saved -> cap.enforce(who.username(), after.id()))
                .thenApply(capped -> new LogInResult.LoggedIn(after, KnownDevice.generate().token(signer, who.username())));
    }
}
