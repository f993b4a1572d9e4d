package dev.gatehouse.application;

import dev.gatehouse.domain.AuditEvent;
import dev.gatehouse.domain.AuditLog;
import dev.gatehouse.domain.AuthMethod;
import dev.gatehouse.domain.CredentialVersions;
import dev.gatehouse.domain.KnownDevice;
import dev.gatehouse.domain.Passkey;
import dev.gatehouse.domain.PendingLogin;
import dev.gatehouse.domain.SecondFactorStore;
import dev.gatehouse.domain.SecondFactors;
import dev.gatehouse.domain.Session;
import dev.gatehouse.domain.SessionId;
import dev.gatehouse.domain.SessionPolicy;
import dev.gatehouse.domain.SessionRepository;
import dev.gatehouse.domain.Signer;
import dev.gatehouse.domain.TrustedBrowser;
import dev.gatehouse.domain.Username;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/**
 * The second step of a login: a code typed for the session {@link LogIn} left half-way, and if it
 * is right ({@link VerifySecondFactor}) a logged-in session in its place, recorded as
 * authenticated by password and code. The same step raises a session logged in with a password
 * alone to two factors, when an access rule asks for them (a step-up). A user who must have a
 * second factor and has none sets one up here instead, before the login goes any further. The
 * session proves itself with its CSRF token, and the login still has to hold: a password changed
 * (or the account disabled) since the first step sends the user back to it.
 */
public final class CompleteLogin {

    /**
     * What a second step is for: the session, whose login it finishes (half-way, or logged in with
     * one factor), the credential version the password was checked against, and how the user can
     * give it (their passkeys among it); no {@code methods} means the user has no second factor yet.
     */
    public record SecondStep(Session session, Username user, long credentialVersion, boolean halfway, List<SecondFactorMethod> methods,
                             List<Passkey> passkeys) {
        public SecondStep {
            methods = List.copyOf(methods);
            passkeys = List.copyOf(passkeys);
        }

        /** No second factor yet: setting one up is the step (for a half-way login) or comes first (for a step-up). */
        public boolean enrolFirst() {
            return methods.isEmpty();
        }
    }

    /** How setting up a second factor at login ends. */
    public sealed interface EnrolmentResult {
        /** Set up and logged in; the recovery codes, shown this once. */
        record LoggedIn(CompleteLoginResult.LoggedIn login, List<String> recoveryCodes) implements EnrolmentResult {
            @Override
            public String toString() {
                return "LoggedIn[" + login.session().id() + ", codes hidden]";
            }

            @Override
            public <R> R fold(Function<LoggedIn, R> loggedIn, Function<Wrong, R> wrong, Function<LogInAgain, R> again,
                              Function<FormExpired, R> formExpired) {
                return loggedIn.apply(this);
            }
        }

        /** The code is not right for the key shown: the same key again. */
        record Wrong(EnrolAuthenticator.Pending pending) implements EnrolmentResult {
            @Override
            public <R> R fold(Function<LoggedIn, R> loggedIn, Function<Wrong, R> wrong, Function<LogInAgain, R> again,
                              Function<FormExpired, R> formExpired) {
                return wrong.apply(this);
            }
        }

        /** The half-way login has gone (its time ran out, the account changed, the key waited too long): start again. */
        record LogInAgain() implements EnrolmentResult {
            @Override
            public <R> R fold(Function<LoggedIn, R> loggedIn, Function<Wrong, R> wrong, Function<LogInAgain, R> again,
                              Function<FormExpired, R> formExpired) {
                return again.apply(this);
            }
        }

        /** The form's CSRF token is not the session's: nothing was checked. */
        record FormExpired() implements EnrolmentResult {
            @Override
            public <R> R fold(Function<LoggedIn, R> loggedIn, Function<Wrong, R> wrong, Function<LogInAgain, R> again,
                              Function<FormExpired, R> formExpired) {
                return formExpired.apply(this);
            }
        }

        /** One function per case: a new case fails to compile wherever the answer is given. */
        <R> R fold(Function<LoggedIn, R> loggedIn, Function<Wrong, R> wrong, Function<LogInAgain, R> again, Function<FormExpired, R> formExpired);
    }

    private final CurrentSession current;
    private final SessionRepository sessions;
    private final CredentialVersions credentials;
    private final SecondFactorStore store;
    private final VerifySecondFactor verify;
    private final EnrolAuthenticator enrol;
    private final Signer signer;
    private final SessionCap cap;
    private final AuditLog audit;
    private final Clock clock;

    public CompleteLogin(SessionRepository sessions, CredentialVersions credentials, SecondFactorStore store, VerifySecondFactor verify,
                         EnrolAuthenticator enrol, Signer signer, AuditLog audit, SessionPolicy policy, Clock clock) {
        this.current = new CurrentSession(sessions, audit, policy, clock);
        this.sessions = sessions;
        this.credentials = credentials;
        this.store = store;
        this.verify = verify;
        this.enrol = enrol;
        this.signer = signer;
        this.cap = new SessionCap(sessions, audit, policy);
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * The second step the request's session stands at, if any: a half-way login, or a login with
     * one factor whose credentials still hold. A session with two factors already has none.
     */
    public CompletionStage<Optional<SecondStep>> secondStep(Optional<SessionId> sessionId) {
        return current.find(sessionId).thenCompose(found -> {
            if (found.isEmpty()) {
                return CompletableFuture.completedFuture(Optional.<SecondStep>empty());
            }
            Session session = found.get();
            Optional<PendingLogin> pending = session.pendingLogin();
            if (pending.isPresent()) {
                return step(session, pending.get().user(), pending.get().credentialVersion(), true);
            }
            if (!session.isLoggedIn() || session.authMethod().multiFactor()) {
                return CompletableFuture.completedFuture(Optional.<SecondStep>empty());
            }
            Username user = session.user().orElseThrow();
            return credentials.current(user).thenCompose(version -> CredentialVersions.stillHolds(version, session.credentialVersion())
                    ? step(session, user, session.credentialVersion(), false) : CompletableFuture.completedFuture(Optional.<SecondStep>empty()));
        });
    }

    private CompletionStage<Optional<SecondStep>> step(Session session, Username user, long version, boolean halfway) {
        return store.secondFactors(user).thenApply(found -> {
            SecondFactors factors = found.orElse(SecondFactors.NONE);
            return Optional.of(new SecondStep(session, user, version, halfway, SecondFactorDemands.methods(factors), factors.passkeys()));
        });
    }

    public CompletionStage<CompleteLoginResult> complete(CompleteLoginCommand command) {
        return secondStep(command.sessionId()).thenCompose(found -> {
            if (found.isEmpty() || found.get().enrolFirst()) {
                return CompletableFuture.completedFuture(new CompleteLoginResult.LogInAgain());
            }
            SecondStep step = found.get();
            Session session = step.session();
            if (!session.csrfMatches(command.csrfToken())) {
                return CompletableFuture.completedFuture(new CompleteLoginResult.FormExpired());
            }
            Optional<String> device = command.deviceTokens().stream()
                    .flatMap(token -> KnownDevice.recognise(signer, step.user(), token).stream()).map(KnownDevice::id).findFirst();
            return verify.verify(new VerifySecondFactorCommand(step.user(), command.code(), command.client(), device))
                    .thenCompose(verified -> verified.fold(
                            accepted -> logIn(step, accepted.method().afterPassword(), accepted.method(), accepted.recoveryCodesLeft(), command.client())
                                    .thenCompose(result -> command.trustBrowser() ? trust(step, result, command) : CompletableFuture.completedFuture(result)),
                            wrong -> CompletableFuture.completedFuture(new CompleteLoginResult.Wrong(session.csrfToken())),
                            throttled -> CompletableFuture.completedFuture(new CompleteLoginResult.Throttled(session.csrfToken(), throttled.retryAfter())),
                            // A user with passkeys alone has no code to give: not right, rather than no login at all.
                            notEnrolled -> step.methods().contains(SecondFactorMethod.PASSKEY)
                                    ? CompletableFuture.completedFuture(new CompleteLoginResult.Wrong(session.csrfToken())) : startAgain(step)));
        });
    }

    /** A new key to set up, for a half-way login of a user who must have a second factor and has none. */
    public Optional<EnrolAuthenticator.Pending> beginEnrolment(SecondStep step) {
        return step.halfway() && step.enrolFirst() ? Optional.of(enrol.issue(step.session(), step.user())) : Optional.empty();
    }

    /** The confirming code of the key {@link #beginEnrolment} showed: set up, and logged in with two factors. */
    public CompletionStage<EnrolmentResult> enrol(Optional<SessionId> sessionId, String csrfToken, String token, String code, String client) {
        return secondStep(sessionId).thenCompose(found -> {
            if (found.isEmpty() || !found.get().halfway() || !found.get().enrolFirst()) {
                return CompletableFuture.completedFuture(new EnrolmentResult.LogInAgain());
            }
            SecondStep step = found.get();
            if (!step.session().csrfMatches(csrfToken)) {
                return CompletableFuture.completedFuture(new EnrolmentResult.FormExpired());
            }
            return enrol.confirmFor(step.session(), step.user(), token, code).thenCompose(confirmed -> confirmed.<CompletionStage<EnrolmentResult>>fold(
                    enrolled -> logIn(step, AuthMethod.PASSWORD_AND_CODE, SecondFactorMethod.AUTHENTICATOR_CODE, enrolled.recoveryCodes().size(), client)
                            .thenApply(result -> result.<EnrolmentResult>fold(
                                    loggedIn -> new EnrolmentResult.LoggedIn(loggedIn, enrolled.recoveryCodes()),
                                    wrong -> new EnrolmentResult.LogInAgain(),
                                    throttled -> new EnrolmentResult.LogInAgain(),
                                    loginAgain -> new EnrolmentResult.LogInAgain(),
                                    expired -> new EnrolmentResult.FormExpired())),
                    wrong -> CompletableFuture.completedFuture(new EnrolmentResult.Wrong(wrong.pending())),
                    expired -> startAgain(step).thenApply(gone -> new EnrolmentResult.LogInAgain()),
                    recheck -> startAgain(step).thenApply(gone -> new EnrolmentResult.LogInAgain()),
                    formExpired -> CompletableFuture.completedFuture(new EnrolmentResult.FormExpired())));
        });
    }

    /** The second step given with a passkey ({@link PasskeyLogin}), checked there: the login finished as with a code. */
    CompletionStage<CompleteLoginResult> finishWithPasskey(SecondStep step, String client) {
        return logIn(step, AuthMethod.PASSWORD_AND_PASSKEY, SecondFactorMethod.PASSKEY, 0, client);
    }

    private CompletionStage<CompleteLoginResult> logIn(SecondStep step, AuthMethod method, SecondFactorMethod factor, int recoveryCodesLeft,
                                                       String client) {
        return credentials.current(step.user()).thenCompose(version -> {
            if (!CredentialVersions.stillHolds(version, step.credentialVersion())) {
                return startAgain(step);
            }
            Session before = step.session();
            Session after = before.loggedInAs(step.user(), step.credentialVersion(), method, clock.instant());
            audit.record(new AuditEvent(AuditEvent.Kind.LOGIN_SUCCEEDED, step.user(), after.id().handle(), client,
                    (step.halfway() ? "with " : "stepped up with ") + factor.label().replace('_', ' ')));
            return sessions.delete(before.id())
                    .thenCompose(deleted -> sessions.save(after))
                    .thenCompose(saved -> cap.enforce(step.user(), after.id()))
                    .thenApply(capped -> new CompleteLoginResult.LoggedIn(after, KnownDevice.generate().token(signer, step.user()), factor,
                            recoveryCodesLeft, Optional.empty()));
        });
    }

    /** The browser the user asked to trust, recorded; its token goes into a cookie of its own. */
    private CompletionStage<CompleteLoginResult> trust(SecondStep step, CompleteLoginResult result, CompleteLoginCommand command) {
        return result.fold(loggedIn -> {
            TrustedBrowser.Issued issued = TrustedBrowser.issue(command.device().isEmpty() ? "a browser" : command.device(), clock.instant());
            return store.trustBrowser(step.user(), issued.browser(), clock.instant()).thenApply(trusted -> {
                audit.record(new AuditEvent(AuditEvent.Kind.BROWSER_TRUSTED, step.user(), loggedIn.session().id().handle(), command.client(),
                        issued.browser().label() + ", for 30 days"));
                return new CompleteLoginResult.LoggedIn(loggedIn.session(), loggedIn.deviceToken(), loggedIn.method(), loggedIn.recoveryCodesLeft(),
                        Optional.of(issued.token()));
            });
        }, CompletableFuture::completedFuture, CompletableFuture::completedFuture, CompletableFuture::completedFuture, CompletableFuture::completedFuture);
    }

    /** The account changed since the password step: a half-way session is worth nothing now (a logged-in one is Greet's to end). */
    private CompletionStage<CompleteLoginResult> startAgain(SecondStep step) {
        CompletionStage<Void> gone = step.halfway() ? sessions.delete(step.session().id()) : CompletableFuture.completedFuture(null);
        return gone.thenApply(deleted -> new CompleteLoginResult.LogInAgain());
    }
}
