package dev.gatehouse.application;

import dev.gatehouse.domain.AuditEvent;
import dev.gatehouse.domain.AuditLog;
import dev.gatehouse.domain.CredentialVersions;
import dev.gatehouse.domain.KnownDevice;
import dev.gatehouse.domain.PendingLogin;
import dev.gatehouse.domain.SecondFactors;
import dev.gatehouse.domain.Session;
import dev.gatehouse.domain.SessionId;
import dev.gatehouse.domain.SessionPolicy;
import dev.gatehouse.domain.SessionRepository;
import dev.gatehouse.domain.Signer;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The second step of a login: the session {@link LogIn} left half-way, a code typed for it, and
 * if the code is right ({@link VerifySecondFactor}) a logged-in session in its place, recorded as
 * authenticated by password and code. The half-way session proves itself with its CSRF token, and
 * the login still has to hold: a password changed (or the account disabled) since the first step
 * sends the user back to it.
 */
public final class CompleteLogin {

    private final CurrentSession current;
    private final SessionRepository sessions;
    private final CredentialVersions credentials;
    private final VerifySecondFactor verify;
    private final Signer signer;
    private final SessionCap cap;
    private final AuditLog audit;
    private final Clock clock;

    public CompleteLogin(SessionRepository sessions, CredentialVersions credentials, VerifySecondFactor verify, Signer signer, AuditLog audit,
                         SessionPolicy policy, Clock clock) {
        this.current = new CurrentSession(sessions, audit, policy, clock);
        this.sessions = sessions;
        this.credentials = credentials;
        this.verify = verify;
        this.signer = signer;
        this.cap = new SessionCap(sessions, audit, policy);
        this.audit = audit;
        this.clock = clock;
    }

    /** The ways this user can give the second step, in the order a page offers them; empty when there is nothing to ask. */
    public static List<SecondFactorMethod> methods(SecondFactors factors) {
        List<SecondFactorMethod> methods = new ArrayList<>();
        if (factors.enrolled()) {
            methods.add(SecondFactorMethod.AUTHENTICATOR_CODE);
            if (!factors.recoveryCodeHashes().isEmpty()) {
                methods.add(SecondFactorMethod.RECOVERY_CODE);
            }
        }
        return methods;
    }

    /** The half-way session a request names, if it is one: what the second step's page is shown for. */
    public CompletionStage<Optional<Session>> halfway(Optional<SessionId> sessionId) {
        return current.find(sessionId).thenApply(found -> found.filter(session -> session.pendingLogin().isPresent()));
    }

    public CompletionStage<CompleteLoginResult> complete(CompleteLoginCommand command) {
        return halfway(command.sessionId()).thenCompose(found -> {
            if (found.isEmpty()) {
                return CompletableFuture.completedFuture(new CompleteLoginResult.LogInAgain());
            }
            Session halfway = found.get();
            if (!halfway.csrfMatches(command.csrfToken())) {
                return CompletableFuture.completedFuture(new CompleteLoginResult.FormExpired());
            }
            PendingLogin pending = halfway.pendingLogin().orElseThrow();
            Optional<String> device = command.deviceTokens().stream()
                    .flatMap(token -> KnownDevice.recognise(signer, pending.user(), token).stream()).map(KnownDevice::id).findFirst();
            return verify.verify(new VerifySecondFactorCommand(pending.user(), command.code(), command.client(), device))
                    .thenCompose(verified -> verified.fold(
                            accepted -> logIn(halfway, pending, accepted, command),
                            wrong -> CompletableFuture.completedFuture(new CompleteLoginResult.Wrong(halfway.csrfToken())),
                            throttled -> CompletableFuture.completedFuture(new CompleteLoginResult.Throttled(halfway.csrfToken(), throttled.retryAfter())),
                            notEnrolled -> startAgain(halfway)));
        });
    }

    private CompletionStage<CompleteLoginResult> logIn(Session halfway, PendingLogin pending, VerifySecondFactorResult.Accepted accepted,
                                                       CompleteLoginCommand command) {
        return credentials.current(pending.user()).thenCompose(version -> {
            if (!CredentialVersions.stillHolds(version, pending.credentialVersion())) {
                return startAgain(halfway);
            }
            Session after = halfway.loggedInAs(pending.user(), pending.credentialVersion(), accepted.method().afterPassword(), clock.instant());
            audit.record(new AuditEvent(AuditEvent.Kind.LOGIN_SUCCEEDED, pending.user(), after.id().handle(), command.client(),
                    "with " + accepted.method().label().replace('_', ' ')));
            return sessions.delete(halfway.id())
                    .thenCompose(deleted -> sessions.save(after))
                    .thenCompose(saved -> cap.enforce(pending.user(), after.id()))
                    .thenApply(capped -> new CompleteLoginResult.LoggedIn(after, KnownDevice.generate().token(signer, pending.user()),
                            accepted.method(), accepted.recoveryCodesLeft()));
        });
    }

    /** The account changed since the password step: the half-way session is worth nothing now. */
    private CompletionStage<CompleteLoginResult> startAgain(Session halfway) {
        return sessions.delete(halfway.id()).thenApply(deleted -> new CompleteLoginResult.LogInAgain());
    }
}
