package dev.gatehouse.application;

import dev.gatehouse.domain.AuditEvent;
import dev.gatehouse.domain.AuditLog;
import dev.gatehouse.domain.AuthMethod;
import dev.gatehouse.domain.Channel;
import dev.gatehouse.domain.CredentialVersions;
import dev.gatehouse.domain.KnownDevice;
import dev.gatehouse.domain.Passkey;
import dev.gatehouse.domain.PasskeyCeremonies;
import dev.gatehouse.domain.SecondFactorStore;
import dev.gatehouse.domain.SecondFactors;
import dev.gatehouse.domain.Sealer;
import dev.gatehouse.domain.Session;
import dev.gatehouse.domain.SessionId;
import dev.gatehouse.domain.SessionPolicy;
import dev.gatehouse.domain.SessionRepository;
import dev.gatehouse.domain.Signer;
import dev.gatehouse.domain.Username;

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Logging in with a passkey: as the second step after a password (in place of a code), or without
 * a password at all ("Sign in with a passkey", for a passkey the authenticator keeps for this
 * site). The answer is checked against the passkey the user directory holds for its credential,
 * the counter must go up (else it is a clone, or a replay) and is recorded atomically, and the
 * session records how: password and passkey, or a passkey alone, verified or not by its owner's
 * PIN or fingerprint (only then does it count as two factors). Failures are audited.
 */
public final class PasskeyLogin {

    /** Options for the browser, and the sealed state that comes back with its answer. */
    public record Started(String optionsJson, String state) {
    }

    /** The answer as it arrived, with where it came from. */
    public record Command(Optional<SessionId> sessionId, String state, String responseJson, PasskeyCeremonies.Party party, String client,
                          String device) {
        public Command {
            Objects.requireNonNull(sessionId, "sessionId");
            Objects.requireNonNull(party, "party");
            Objects.requireNonNull(client, "client");
            device = device == null ? "" : device;
        }
    }

    /** Logged in (the session, and a known device's token), or not: whatever the reason, the user is told only that. */
    public record Result(Optional<Session> session, Optional<String> deviceToken) {
        public static final String REFUSED = "That passkey could not be used here. Try again, or log in with your password.";

        static Result refused() {
            return new Result(Optional.empty(), Optional.empty());
        }
    }

    private static final String ANYONE = "*";

    private final CompleteLogin completeLogin;
    private final SessionRepository sessions;
    private final CredentialVersions credentials;
    private final SecondFactorStore store;
    private final PasskeyCeremonies ceremonies;
    private final Sealer sealer;
    private final Signer signer;
    private final SessionCap cap;
    private final AuditLog audit;
    private final Clock clock;

    public PasskeyLogin(CompleteLogin completeLogin, SessionRepository sessions, CredentialVersions credentials, SecondFactorStore store,
                        PasskeyCeremonies ceremonies, Sealer sealer, Signer signer, AuditLog audit, SessionPolicy policy, Clock clock) {
        this.completeLogin = completeLogin;
        this.sessions = sessions;
        this.credentials = credentials;
        this.store = store;
        this.ceremonies = ceremonies;
        this.sealer = sealer;
        this.signer = signer;
        this.cap = new SessionCap(sessions, audit, policy);
        this.audit = audit;
        this.clock = clock;
    }

    /** Options: for the second step of this session's login (its user's passkeys), or, without one, for any passkey of this site. */
    public CompletionStage<Started> begin(Optional<SessionId> sessionId, PasskeyCeremonies.Party party) {
        return completeLogin.secondStep(sessionId).thenCompose(found -> {
            Optional<CompleteLogin.SecondStep> second = found.filter(step -> !step.passkeys().isEmpty());
            String bound = bound(second.map(step -> step.user().value()).orElse(ANYONE));
            return ceremonies.assertion(party, second.map(CompleteLogin.SecondStep::passkeys).orElse(List.of()))
                    .thenApply(challenge -> new Started(challenge.optionsJson(),
                            SealedForAWhile.seal(sealer, challenge.challenge(), clock.instant().plus(ManagePasskeys.CEREMONY_TIME), bound)));
        });
    }

    public CompletionStage<Result> logIn(Command command) {
        Optional<String> credentialId = ceremonies.credentialIdOf(command.responseJson());
        if (credentialId.isEmpty()) {
            return CompletableFuture.completedFuture(Result.refused());
        }
        return completeLogin.secondStep(command.sessionId()).thenCompose(step -> store.ownerOfPasskey(credentialId.get()).thenCompose(owner -> {
            if (owner.isEmpty()) {
                return refused(Optional.empty(), command, "no such passkey");
            }
            boolean second = step.isPresent() && step.get().user().equals(owner.get());
            Optional<String> challenge = SealedForAWhile.open(sealer, command.state(), clock.instant(),
                    bound(second ? owner.get().value() : ANYONE));
            if (challenge.isEmpty()) {
                return refused(owner, command, "ceremony expired or not this login's");
            }
            return store.secondFactors(owner.get()).thenCompose(factors -> {
                Passkey stored = factors.orElse(SecondFactors.NONE).passkey(credentialId.get()).orElseThrow();
                return ceremonies.verifyAssertion(command.party(), owner.get(), stored, challenge.get(), command.responseJson()).thenCompose(asserted -> {
                    if (asserted.isEmpty()) {
                        return refused(owner, command, "assertion not verified");
                    }
                    return store.usePasskey(owner.get(), stored.credentialId(), asserted.get().signCount(), clock.instant()).thenCompose(counted -> {
                        if (!counted) {
                            return refused(owner, command, "signature counter did not go up: a cloned authenticator, or a replay");
                        }
                        audit.record(new AuditEvent(AuditEvent.Kind.PASSKEY_USED, owner.get(), null, command.client(), stored.name()));
                        return second ? secondStep(step.get(), command) : withoutPassword(owner.get(), asserted.get().userVerified(), command);
                    });
                });
            });
        }));
    }

    private CompletionStage<Result> secondStep(CompleteLogin.SecondStep step, Command command) {
        return completeLogin.finishWithPasskey(step, command.client()).thenApply(result -> result.fold(
                loggedIn -> new Result(Optional.of(loggedIn.session()), Optional.of(loggedIn.deviceToken())),
                wrong -> Result.refused(), throttled -> Result.refused(), again -> Result.refused(), expired -> Result.refused()));
    }

    /** A passkey alone: a new session (whatever session the request had is replaced), if the account is enabled. */
    private CompletionStage<Result> withoutPassword(Username owner, boolean userVerified, Command command) {
        return credentials.current(owner).thenCompose(version -> {
            if (version.isEmpty()) {
                return refused(Optional.of(owner), command, "account disabled");
            }
            AuthMethod method = userVerified ? AuthMethod.PASSKEY_VERIFIED : AuthMethod.PASSKEY;
            Session session = Session.startAnonymous(Channel.WEB, clock.instant()).loggedInAs(owner, version.getAsLong(), method, clock.instant())
                    .describedAs(command.device());
            audit.record(new AuditEvent(AuditEvent.Kind.LOGIN_SUCCEEDED, owner, session.id().handle(), command.client(),
                    userVerified ? "with a passkey, verified" : "with a passkey"));
            CompletionStage<Void> previous = command.sessionId().map(sessions::delete).orElseGet(() -> CompletableFuture.completedFuture(null));
            return previous.thenCompose(deleted -> sessions.save(session)).thenCompose(saved -> cap.enforce(owner, session.id()))
                    .thenApply(capped -> new Result(Optional.of(session), Optional.of(KnownDevice.generate().token(signer, owner))));
        });
    }

    private CompletionStage<Result> refused(Optional<Username> user, Command command, String why) {
        audit.record(new AuditEvent(AuditEvent.Kind.LOGIN_FAILED, user.orElse(null), null, command.client(), "passkey: " + why));
        return CompletableFuture.completedFuture(Result.refused());
    }

    private static String bound(String who) {
        return "passkey login " + who;
    }
}
