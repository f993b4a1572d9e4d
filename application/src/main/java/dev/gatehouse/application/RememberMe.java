package dev.gatehouse.application;

import dev.gatehouse.domain.AuditEvent;
import dev.gatehouse.domain.AuthMethod;
import dev.gatehouse.domain.AuditLog;
import dev.gatehouse.domain.Channel;
import dev.gatehouse.domain.CredentialVersions;
import dev.gatehouse.domain.LoginThrottle;
import dev.gatehouse.domain.RememberMeToken;
import dev.gatehouse.domain.RememberedLogin;
import dev.gatehouse.domain.RememberedLogins;
import dev.gatehouse.domain.Session;
import dev.gatehouse.domain.SessionPolicy;
import dev.gatehouse.domain.SessionEnd;
import dev.gatehouse.domain.SessionRepository;
import dev.gatehouse.domain.Username;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/**
 * "Remember me" (the tutorial's passive login): a browser that asked for it at login gets a
 * long-lived token, and when it comes back without a live session, the token starts a new one,
 * marked not fresh. Each use rotates the token's validator; a replaced validator used again means
 * the cookie was copied, and every session and remembered login of that user ends, while a
 * validator never issued is only a guess, counted as a failed login. A password change
 * or a disabled account makes remembered logins worthless; logout forgets this browser's.
 */
public final class RememberMe {

    public static final Duration DEFAULT_LIFETIME = Duration.ofDays(30);
    /** What a presented token led to. */
    public sealed interface Restoration {
        /** A new logged-in session, and the rotated token the browser must keep instead. */
        record Restored(Session session, RememberMeToken token) implements Restoration {
            @Override
            public <R> R fold(Function<Restored, R> restored, Function<HalfWay, R> halfway, Function<Restoration, R> refused) {
                return restored.apply(this);
            }
        }

        /**
         * The user has a second factor (or must set one up): remembering the password does not remember the code, so
         * the browser gets a half-way session ({@link Session#awaitingSecondFactor}) and the rotated token.
         */
        record HalfWay(Session session, RememberMeToken token) implements Restoration {
            @Override
            public <R> R fold(Function<Restored, R> restored, Function<HalfWay, R> halfway, Function<Restoration, R> refused) {
                return halfway.apply(this);
            }
        }

        /** Unknown, expired, worthless since a credential change, a guess, or a lost race: forget the cookie. */
        record NotRestored() implements Restoration {
            @Override
            public <R> R fold(Function<Restored, R> restored, Function<HalfWay, R> halfway, Function<Restoration, R> refused) {
                return refused.apply(this);
            }
        }

        /** A replaced validator used again: every session and remembered login of the user has ended. */
        record Stolen() implements Restoration {
            @Override
            public <R> R fold(Function<Restored, R> restored, Function<HalfWay, R> halfway, Function<Restoration, R> refused) {
                return refused.apply(this);
            }
        }

        /** Restored, half-way, or refused whatever the reason: a new case fails to compile wherever a restoration is handled. */
        <R> R fold(Function<Restored, R> restored, Function<HalfWay, R> halfway, Function<Restoration, R> refused);
    }

    private final RememberedLogins logins;
    private final SessionRepository sessions;
    private final LoginThrottle throttle;
    private final CredentialVersions credentials;
    private final SecondFactorDemands secondFactors;
    private final AuditLog audit;
    private final Duration lifetime;
    private final SessionCap cap;
    private final Clock clock;

    public RememberMe(RememberedLogins logins, SessionRepository sessions, CredentialVersions credentials, SecondFactorDemands secondFactors,
                      LoginThrottle throttle, AuditLog audit, Duration lifetime, SessionPolicy policy, Clock clock) {
        this.secondFactors = secondFactors;
        this.logins = logins;
        this.throttle = throttle;
        this.cap = new SessionCap(sessions, audit, policy);
        this.sessions = sessions;
        this.credentials = credentials;
        this.audit = audit;
        this.lifetime = lifetime;
        this.clock = clock;
    }

    public Duration lifetime() {
        return lifetime;
    }

    /** Remembers a session that has just logged in with a password; the token goes into the browser's cookie. */
    public CompletionStage<RememberMeToken> remember(Session loggedIn, String client) {
        Username user = loggedIn.user().orElseThrow(() -> new IllegalArgumentException("only a logged-in session is remembered"));
        RememberMeToken token = RememberMeToken.generate();
        Instant now = clock.instant();
        return logins.save(RememberedLogin.of(token, user, loggedIn.credentialVersion(), now, now.plus(lifetime))).thenApply(saved -> {
            audit.record(new AuditEvent(AuditEvent.Kind.LOGIN_REMEMBERED, user, loggedIn.id().handle(), client, null));
            return token;
        });
    }

    /** A browser without a live session came back with a token. */
    public CompletionStage<Restoration> restore(RememberMeToken token, String client, String device) {
        return restore(token, client, device, Optional.empty());
    }

    /**
     * A browser without a live session came back with a token; {@code trustToken}, a trusted
     * browser's, lets a user with a second factor be restored without the code.
     */
    public CompletionStage<Restoration> restore(RememberMeToken token, String client, String device, Optional<String> trustToken) {
        return logins.find(token.selectorKey()).thenCompose(found -> {
            if (found.isEmpty()) {
                return notRestored();
            }
            RememberedLogin login = found.get();
            return login.judge(token, clock.instant()).fold(
                    current -> restore(login, token, client, device, trustToken),
                    racedRotation -> notRestored(),
                    replayed -> stolen(login.user(), client),
                    guessed -> guessed(login.user(), client));
        });
    }

    private CompletionStage<Restoration> restore(RememberedLogin login, RememberMeToken token, String client, String device,
                                                 Optional<String> trustToken) {
        return credentials.current(login.user()).thenCompose(version -> {
            if (!CredentialVersions.stillHolds(version, login.credentialVersion())) {
                // Gone, disabled, or a new password since: this login is worth nothing any more.
                return logins.delete(login.selectorKey()).thenCompose(deleted -> notRestored());
            }
            RememberMeToken rotated = token.rotated();
            Instant now = clock.instant();
            return logins.rotate(login.selectorKey(), login.validatorHash(), rotated.validatorHash(), now).thenCompose(won -> {
                if (!won) {
                    return notRestored();
                }
                return secondFactors.of(login.user(), trustToken, now).thenCompose(demand -> {
                    if (!demand.none()) {
                        Session halfway = Session.startAnonymous(Channel.WEB, now).awaitingSecondFactor(login.user(), login.credentialVersion(), now)
                                .describedAs(device);
                        audit.record(new AuditEvent(AuditEvent.Kind.SECOND_FACTOR_ASKED, login.user(), halfway.id().handle(), client,
                                "remembered login"));
                        return sessions.save(halfway).thenApply(saved -> new Restoration.HalfWay(halfway, rotated));
                    }
                    Session session = Session.startAnonymous(Channel.WEB, now).loggedInAs(login.user(), login.credentialVersion(), AuthMethod.REMEMBERED, now)
                            .describedAs(device);
                    return sessions.save(session).thenCompose(saved -> {
                        audit.record(new AuditEvent(AuditEvent.Kind.SESSION_RESTORED, login.user(), session.id().handle(), client, null));
                        return cap.enforce(login.user(), session.id());
                    }).thenApply(capped -> new Restoration.Restored(session, rotated));
                });
            });
        });
    }

    /**
     * A validator we never issued for this selector: a guess, which a selector alone makes
     * possible, not a copied cookie. It counts as a failed login of the user's from this client,
     * throttled like one; it ends nothing, so knowing a selector is no way to log a user out.
     */
    private CompletionStage<Restoration> guessed(Username user, String client) {
        Instant now = clock.instant();
        LoginThrottle.Attempt attempt = LoginThrottle.Attempt.byStranger(user, client);
        return throttle.admit(attempt, now).thenCompose(admission -> admission.fold(allowed -> {
            audit.record(new AuditEvent(AuditEvent.Kind.LOGIN_FAILED, user, null, client, "remember-me validator not issued"));
            return throttle.settle(attempt, LoginThrottle.Outcome.FAILED, now).thenCompose(settled -> notRestored());
        }, wait -> notRestored()));
    }

    private CompletionStage<Restoration> stolen(Username user, String client) {
        audit.record(new AuditEvent(AuditEvent.Kind.REMEMBERED_LOGIN_STOLEN, user, null, client, "every session of the user ended"));
        return Revocations.endEverything(sessions, logins, audit, user, SessionEnd.REMEMBERED_LOGIN_COPIED)
                .thenApply(ended -> new Restoration.Stolen());
    }

    private static CompletionStage<Restoration> notRestored() {
        return CompletableFuture.completedFuture(new Restoration.NotRestored());
    }
}
