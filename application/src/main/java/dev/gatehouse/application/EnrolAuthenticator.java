package dev.gatehouse.application;

import dev.gatehouse.domain.AuditEvent;
import dev.gatehouse.domain.AuditLog;
import dev.gatehouse.domain.AuthMethod;
import dev.gatehouse.domain.SessionRepository;
import dev.gatehouse.domain.SecondFactorStore;
import dev.gatehouse.domain.Sealer;
import dev.gatehouse.domain.Session;
import dev.gatehouse.domain.Username;
import dev.gatehouse.domain.secondfactor.AuthenticatorCodes;
import dev.gatehouse.domain.secondfactor.AuthenticatorKey;
import dev.gatehouse.domain.secondfactor.AuthenticatorKeys;
import dev.gatehouse.domain.secondfactor.RecoveryCodes;
import dev.gatehouse.domain.secondfactor.Totp;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A logged-in user sets up an authenticator app: a new key is shown (QR code and Base32), and
 * only a code computed from it enrols it, with 10 new recovery codes shown once. Both steps need
 * the user to have proved who they are within {@link Session#RECHECK_AFTER} ({@link Reauthenticate});
 * at a login that must set one up first ({@link CompleteLogin}), the password has just been typed.
 * Nothing is stored until the code is right: the key in between travels sealed ({@link Sealer}),
 * bound to the session and the user and good for {@link #PENDING_FOR}, so that it can be neither
 * read nor swapped for a key of someone else's choosing. The confirming code counts as used.
 */
public final class EnrolAuthenticator {

    /** How long a shown key may wait for its confirming code. */
    public static final Duration PENDING_FOR = Duration.ofMinutes(10);

    /** A key shown and not confirmed yet; {@code token} is what comes back with the code. */
    public record Pending(AuthenticatorKey key, String token) {
        @Override
        public String toString() {
            return "Pending[hidden]";
        }
    }

    /** How confirming ends. */
    public sealed interface Result {
        /**
         * Enrolled; the recovery codes, shown this once, and the session to go on with: the
         * confirming code proved the second factor, so a logged-in session is raised to two factors
         * (under a new id, as at login).
         */
        record Enrolled(List<String> recoveryCodes, Session session) implements Result {
            public Enrolled {
                recoveryCodes = List.copyOf(recoveryCodes);
            }

            @Override
            public String toString() {
                return "Enrolled[hidden]";
            }

            @Override
            public <R> R fold(Function<Enrolled, R> enrolled, Function<Wrong, R> wrong, Function<Expired, R> expired,
                              Function<RecheckNeeded, R> recheck, Function<FormExpired, R> formExpired) {
                return enrolled.apply(this);
            }
        }

        /** The code is not right for the key: the same key is shown again. */
        record Wrong(Pending pending) implements Result {
            public static final String MESSAGE = "That code is not right. Type the code your app shows now for this new key.";

            @Override
            public <R> R fold(Function<Enrolled, R> enrolled, Function<Wrong, R> wrong, Function<Expired, R> expired,
                              Function<RecheckNeeded, R> recheck, Function<FormExpired, R> formExpired) {
                return wrong.apply(this);
            }
        }

        /** The key waited too long, or is not one this session was shown: start again. */
        record Expired() implements Result {
            public static final String MESSAGE = "The setup took too long. Start again.";

            @Override
            public <R> R fold(Function<Enrolled, R> enrolled, Function<Wrong, R> wrong, Function<Expired, R> expired,
                              Function<RecheckNeeded, R> recheck, Function<FormExpired, R> formExpired) {
                return expired.apply(this);
            }
        }

        /** The user has not proved who they are recently enough. */
        record RecheckNeeded() implements Result {
            @Override
            public <R> R fold(Function<Enrolled, R> enrolled, Function<Wrong, R> wrong, Function<Expired, R> expired,
                              Function<RecheckNeeded, R> recheck, Function<FormExpired, R> formExpired) {
                return recheck.apply(this);
            }
        }

        record FormExpired() implements Result {
            @Override
            public <R> R fold(Function<Enrolled, R> enrolled, Function<Wrong, R> wrong, Function<Expired, R> expired,
                              Function<RecheckNeeded, R> recheck, Function<FormExpired, R> formExpired) {
                return formExpired.apply(this);
            }
        }

        /** One function per case: a new case fails to compile wherever the answer is given. */
        <R> R fold(Function<Enrolled, R> enrolled, Function<Wrong, R> wrong, Function<Expired, R> expired, Function<RecheckNeeded, R> recheck,
                   Function<FormExpired, R> formExpired);
    }

    private final SecondFactorStore store;
    private final AuthenticatorKeys keys;
    private final AuthenticatorCodes codes;
    private final Sealer sealer;
    private final SessionRepository sessions;
    private final AuditLog audit;
    private final String issuer;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    /** @param issuer what the app names the account after ({@code --issuer}): the portal's host, by default */
    public EnrolAuthenticator(SecondFactorStore store, AuthenticatorKeys keys, AuthenticatorCodes codes, Sealer sealer, SessionRepository sessions,
                              AuditLog audit, String issuer, Clock clock) {
        this.sessions = sessions;
        this.store = store;
        this.keys = keys;
        this.codes = codes;
        this.sealer = sealer;
        this.audit = audit;
        this.issuer = issuer;
        this.clock = clock;
    }

    /** A new key to show; empty when the user must prove who they are first. */
    public Optional<Pending> begin(Identity.LoggedIn who) {
        return who.session().isRecentlyAuthenticated(clock.instant()) ? Optional.of(issue(who.session(), who.user())) : Optional.empty();
    }

    /** A new key, sealed for this session and user. */
    Pending issue(Session session, Username user) {
        AuthenticatorKey key = keys.issue(issuer, user.value());
        String token = SealedForAWhile.seal(sealer, key.base32(), clock.instant().plus(PENDING_FOR), boundTo(session, user));
        return new Pending(key, token);
    }

    /** The confirming code, in a logged-in session: enrolled, and the session raised to two factors. */
    public CompletionStage<Result> confirm(Identity.LoggedIn who, String csrfToken, String token, String code) {
        Session session = who.session();
        if (!session.csrfMatches(csrfToken)) {
            return CompletableFuture.completedFuture(new Result.FormExpired());
        }
        if (!session.isRecentlyAuthenticated(clock.instant())) {
            return CompletableFuture.completedFuture(new Result.RecheckNeeded());
        }
        return confirmFor(session, who.user(), token, code).thenCompose(result -> result.<CompletionStage<Result>>fold(enrolled -> {
            Session raised = session.loggedInAs(who.user(), session.credentialVersion(), AuthMethod.PASSWORD_AND_CODE, clock.instant());
            return sessions.delete(session.id()).thenCompose(deleted -> sessions.save(raised))
                    .thenApply(saved -> new Result.Enrolled(enrolled.recoveryCodes(), raised));
        }, CompletableFuture::completedFuture, CompletableFuture::completedFuture, CompletableFuture::completedFuture, CompletableFuture::completedFuture));
    }

    /** The confirming code of the key sealed for this session and user: enrolled with new recovery codes, and the code used up. */
    CompletionStage<Result> confirmFor(Session session, Username user, String token, String code) {
        Instant now = clock.instant();
        Optional<AuthenticatorKey> key = open(session, user, token, now);
        if (key.isEmpty()) {
            return CompletableFuture.completedFuture(new Result.Expired());
        }
        OptionalLong step = Totp.accept(codes, key.get().secret(), code == null ? "" : code, now, -1);
        if (step.isEmpty()) {
            return CompletableFuture.completedFuture(new Result.Wrong(new Pending(key.get(), token)));
        }
        List<String> recoveryCodes = RecoveryCodes.generate(random);
        return store.enrol(user, key.get().secret(), recoveryCodes.stream().map(typed -> RecoveryCodes.hash(typed).orElseThrow()).collect(Collectors.toSet()))
                .thenCompose(enrolled -> !enrolled ? CompletableFuture.<Result>completedFuture(new Result.Expired())
                        : store.useStep(user, step.getAsLong()).thenApply(used -> {
                            audit.record(new AuditEvent(AuditEvent.Kind.SECOND_FACTOR_ENROLLED, user, session.id().handle(), null, "authenticator app"));
                            return new Result.Enrolled(recoveryCodes, session);
                        }));
    }

    /** The key a token was sealed with for this session and user, while it is good. */
    private Optional<AuthenticatorKey> open(Session session, Username user, String token, Instant now) {
        return SealedForAWhile.open(sealer, token, now, boundTo(session, user)).map(base32 -> keys.of(base32, issuer, user.value()));
    }

    private static String boundTo(Session session, Username user) {
        return "authenticator enrolment " + session.id().handle() + " " + user.value();
    }
}
