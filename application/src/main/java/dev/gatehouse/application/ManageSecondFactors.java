package dev.gatehouse.application;

import dev.gatehouse.domain.AuditEvent;
import dev.gatehouse.domain.AuditLog;
import dev.gatehouse.domain.CredentialVersions;
import dev.gatehouse.domain.SessionRepository;
import dev.gatehouse.domain.TrustedBrowser;
import dev.gatehouse.domain.Passkey;
import dev.gatehouse.domain.SecondFactorStore;
import dev.gatehouse.domain.SecondFactors;
import dev.gatehouse.domain.Session;
import dev.gatehouse.domain.Username;
import dev.gatehouse.domain.secondfactor.RecoveryCodes;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * What a logged-in user sees and changes of their second factors once enrolled: how many
 * recovery codes are left, a new set (the old ones stop working), and turning the second factor
 * off. Changes need a recent proof of who they are ({@link Session#RECHECK_AFTER}) and are audited.
 */
public final class ManageSecondFactors {

    /** What the account's pages show: whether a second factor is on, the recovery codes left, the browsers trusted still. */
    public record Status(boolean enrolled, int recoveryCodesLeft, List<TrustedBrowser> trustedBrowsers, List<Passkey> passkeys) {
        public Status {
            trustedBrowsers = List.copyOf(trustedBrowsers);
            passkeys = List.copyOf(passkeys);
        }

        public static Status of(SecondFactors factors, Instant now) {
            return new Status(factors.enrolled(), factors.recoveryCodeHashes().size(),
                    factors.trustedBrowsers().stream().filter(browser -> browser.isTrustedAt(now)).toList(), factors.passkeys());
        }
    }

    /** How stopping to trust a browser ends. */
    public enum Forgotten { FORGOTTEN, NOT_FOUND, FORM_EXPIRED }

    /** How a change ends. */
    public sealed interface Result {
        /** New recovery codes, shown this once. */
        record Renewed(List<String> recoveryCodes) implements Result {
            public Renewed {
                recoveryCodes = List.copyOf(recoveryCodes);
            }

            @Override
            public String toString() {
                return "Renewed[hidden]";
            }

            @Override
            public <R> R fold(Function<Renewed, R> renewed, Function<Removed, R> removed, Function<Required, R> required,
                              Function<NotEnrolled, R> notEnrolled, Function<RecheckNeeded, R> recheck, Function<FormExpired, R> formExpired) {
                return renewed.apply(this);
            }
        }

        /** Off; the user's other sessions have ended, and this one goes on under a new id, as after a password change. */
        record Removed(Session session) implements Result {
            @Override
            public <R> R fold(Function<Renewed, R> renewed, Function<Removed, R> removed, Function<Required, R> required,
                              Function<NotEnrolled, R> notEnrolled, Function<RecheckNeeded, R> recheck, Function<FormExpired, R> formExpired) {
                return removed.apply(this);
            }
        }

        /** Not turned off: this user must have a second factor ({@code --require-second-factor}, a group, an access rule). */
        record Required() implements Result {
            public static final String MESSAGE = "Your account must have a second factor, so it cannot be turned off. "
                    + "To use another phone, set up a new authenticator app instead.";

            @Override
            public <R> R fold(Function<Renewed, R> renewed, Function<Removed, R> removed, Function<Required, R> required,
                              Function<NotEnrolled, R> notEnrolled, Function<RecheckNeeded, R> recheck, Function<FormExpired, R> formExpired) {
                return required.apply(this);
            }
        }

        record NotEnrolled() implements Result {
            @Override
            public <R> R fold(Function<Renewed, R> renewed, Function<Removed, R> removed, Function<Required, R> required,
                              Function<NotEnrolled, R> notEnrolled, Function<RecheckNeeded, R> recheck, Function<FormExpired, R> formExpired) {
                return notEnrolled.apply(this);
            }
        }

        record RecheckNeeded() implements Result {
            @Override
            public <R> R fold(Function<Renewed, R> renewed, Function<Removed, R> removed, Function<Required, R> required,
                              Function<NotEnrolled, R> notEnrolled, Function<RecheckNeeded, R> recheck, Function<FormExpired, R> formExpired) {
                return recheck.apply(this);
            }
        }

        record FormExpired() implements Result {
            @Override
            public <R> R fold(Function<Renewed, R> renewed, Function<Removed, R> removed, Function<Required, R> required,
                              Function<NotEnrolled, R> notEnrolled, Function<RecheckNeeded, R> recheck, Function<FormExpired, R> formExpired) {
                return formExpired.apply(this);
            }
        }

        /** One function per case: a new case fails to compile wherever the answer is given. */
        <R> R fold(Function<Renewed, R> renewed, Function<Removed, R> removed, Function<Required, R> required, Function<NotEnrolled, R> notEnrolled,
                   Function<RecheckNeeded, R> recheck, Function<FormExpired, R> formExpired);
    }

    private final SecondFactorStore store;
    private final CredentialVersions credentials;
    private final SessionRepository sessions;
    private final SecondFactorDemands demands;
    private final AuditLog audit;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public ManageSecondFactors(SecondFactorStore store, CredentialVersions credentials, SessionRepository sessions, SecondFactorDemands demands,
                               AuditLog audit, Clock clock) {
        this.demands = demands;
        this.store = store;
        this.credentials = credentials;
        this.sessions = sessions;
        this.audit = audit;
        this.clock = clock;
    }

    public CompletionStage<Status> status(Username user) {
        return store.secondFactors(user).thenApply(factors -> Status.of(factors.orElse(SecondFactors.NONE), clock.instant()));
    }

    /** Stops trusting one of the user's browsers, named by its handle: its next login asks for the code again. */
    public CompletionStage<Forgotten> forgetBrowser(Identity.LoggedIn who, String csrfToken, String handle) {
        if (!who.session().csrfMatches(csrfToken)) {
            return CompletableFuture.completedFuture(Forgotten.FORM_EXPIRED);
        }
        return store.secondFactors(who.user()).thenCompose(factors -> {
            Optional<TrustedBrowser> browser = factors.orElse(SecondFactors.NONE).trustedBrowsers().stream()
                    .filter(candidate -> candidate.handle().equals(handle)).findFirst();
            if (browser.isEmpty()) {
                return CompletableFuture.completedFuture(Forgotten.NOT_FOUND);
            }
            return store.forgetBrowser(who.user(), browser.get().tokenHash()).thenApply(forgot -> {
                if (forgot) {
                    audit.record(new AuditEvent(AuditEvent.Kind.BROWSER_FORGOTTEN, who.user(), who.session().id().handle(), null,
                            browser.get().label()));
                }
                return forgot ? Forgotten.FORGOTTEN : Forgotten.NOT_FOUND;
            });
        });
    }

    /** A new set of recovery codes; the old ones stop working. */
    public CompletionStage<Result> renewRecoveryCodes(Identity.LoggedIn who, String csrfToken) {
        return change(who, csrfToken, () -> {
            List<String> codes = RecoveryCodes.generate(random);
            return store.replaceRecoveryCodes(who.user(), codes.stream().map(code -> RecoveryCodes.hash(code).orElseThrow()).collect(Collectors.toSet()))
                    .thenApply(replaced -> {
                        audit.record(new AuditEvent(AuditEvent.Kind.RECOVERY_CODES_RENEWED, who.user(), who.session().id().handle(), null, null));
                        return new Result.Renewed(codes);
                    });
        });
    }

    /**
     * Turns the second factor off: logins ask for the password alone again. It is a credential
     * change ({@link SecondFactorStore#reset}), so the user's other sessions end; this one is
     * renewed, as a password change renews it.
     */
    public CompletionStage<Result> remove(Identity.LoggedIn who, String csrfToken) {
        return change(who, csrfToken, () -> demands.required(who.user())
                .thenCompose(required -> required ? CompletableFuture.<Result>completedFuture(new Result.Required()) : turnOff(who)));
    }

    private CompletionStage<Result> turnOff(Identity.LoggedIn who) {
        Session session = who.session();
        return store.reset(who.user()).thenCompose(reset -> credentials.current(who.user())).thenCompose(version -> {
            if (version.isEmpty()) {
                return sessions.delete(session.id()).thenApply(deleted -> new Result.NotEnrolled());
            }
            Session renewed = session.loggedInAs(who.user(), version.getAsLong(), session.authMethod(), clock.instant());
            audit.record(new AuditEvent(AuditEvent.Kind.SECOND_FACTOR_REMOVED, who.user(), renewed.id().handle(), null, "by the user"));
            return sessions.delete(session.id()).thenCompose(deleted -> sessions.save(renewed)).<Result>thenApply(saved -> new Result.Removed(renewed));
        });
    }

    private CompletionStage<Result> change(Identity.LoggedIn who, String csrfToken, Supplier<CompletionStage<Result>> change) {
        if (!who.session().csrfMatches(csrfToken)) {
            return CompletableFuture.completedFuture(new Result.FormExpired());
        }
        if (!who.session().isRecentlyAuthenticated(clock.instant())) {
            return CompletableFuture.completedFuture(new Result.RecheckNeeded());
        }
        return store.secondFactors(who.user()).thenCompose(factors -> factors.filter(SecondFactors::enrolled).isEmpty()
                ? CompletableFuture.completedFuture(new Result.NotEnrolled()) : change.get());
    }
}
