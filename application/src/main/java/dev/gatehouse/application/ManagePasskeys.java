package dev.gatehouse.application;

import dev.gatehouse.domain.AuditEvent;
import dev.gatehouse.domain.AuditLog;
import dev.gatehouse.domain.Passkey;
import dev.gatehouse.domain.PasskeyCeremonies;
import dev.gatehouse.domain.SecondFactorStore;
import dev.gatehouse.domain.SecondFactors;
import dev.gatehouse.domain.Sealer;
import dev.gatehouse.domain.Session;
import dev.gatehouse.domain.Username;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * A logged-in user adds passkeys (named by them: "laptop"), renames them and removes them. Adding
 * and removing need a recent proof of who they are ({@link Session#RECHECK_AFTER}), as the other
 * second factors do. Between the options and the authenticator's answer nothing is stored: the
 * challenge travels sealed, bound to the session and the user, good for {@link #CEREMONY_TIME}.
 */
public final class ManagePasskeys {

    /** How long a browser may take between the options and its answer. */
    public static final Duration CEREMONY_TIME = Duration.ofMinutes(5);

    /** Options for the browser, and the sealed state that comes back with its answer. */
    public record Started(String optionsJson, String state) {
    }

    /** How a change ends. */
    public enum Outcome {
        DONE, NOT_VERIFIED, NOT_FOUND, NAME_NEEDED, LAST_REQUIRED_FACTOR, RECHECK_NEEDED, FORM_EXPIRED;

        /** What to tell the user, for every outcome but the one that worked. */
        public String message() {
            return switch (this) {
                case DONE -> "";
                case NOT_VERIFIED -> "The passkey could not be checked, or the request took too long. Try again.";
                case NOT_FOUND -> "There is no such passkey.";
                case NAME_NEEDED -> "Give the passkey a name you will recognise, such as laptop or phone.";
                case LAST_REQUIRED_FACTOR -> "Your account must have a second factor, and this is your last one. Add another before you remove it.";
                case RECHECK_NEEDED -> "Type your current password to confirm it is you.";
                case FORM_EXPIRED -> "This form has expired. Open the page again.";
            };
        }
    }

    private final SecondFactorStore store;
    private final PasskeyCeremonies ceremonies;
    private final SecondFactorDemands demands;
    private final Sealer sealer;
    private final AuditLog audit;
    private final Clock clock;

    public ManagePasskeys(SecondFactorStore store, PasskeyCeremonies ceremonies, SecondFactorDemands demands, Sealer sealer, AuditLog audit, Clock clock) {
        this.store = store;
        this.ceremonies = ceremonies;
        this.demands = demands;
        this.sealer = sealer;
        this.audit = audit;
        this.clock = clock;
    }

    /** Options to add a passkey; empty when the user must prove who they are first. */
    public CompletionStage<Optional<Started>> begin(Identity.LoggedIn who, PasskeyCeremonies.Party party) {
        if (!who.session().isRecentlyAuthenticated(clock.instant())) {
            return CompletableFuture.completedFuture(Optional.empty());
        }
        return store.secondFactors(who.user()).thenCompose(factors -> ceremonies.registration(party, who.user(),
                factors.orElse(SecondFactors.NONE).passkeys())).thenApply(challenge -> Optional.of(new Started(challenge.optionsJson(),
                SealedForAWhile.seal(sealer, challenge.challenge(), clock.instant().plus(CEREMONY_TIME), bound(who)))));
    }

    public CompletionStage<Outcome> add(Identity.LoggedIn who, String csrfToken, String state, String typedName, String responseJson,
                                        PasskeyCeremonies.Party party) {
        if (!who.session().csrfMatches(csrfToken)) {
            return CompletableFuture.completedFuture(Outcome.FORM_EXPIRED);
        }
        if (!who.session().isRecentlyAuthenticated(clock.instant())) {
            return CompletableFuture.completedFuture(Outcome.RECHECK_NEEDED);
        }
        Optional<String> name = Passkey.name(typedName);
        if (name.isEmpty()) {
            return CompletableFuture.completedFuture(Outcome.NAME_NEEDED);
        }
        Optional<String> challenge = SealedForAWhile.open(sealer, state, clock.instant(), bound(who));
        if (challenge.isEmpty()) {
            return CompletableFuture.completedFuture(Outcome.NOT_VERIFIED);
        }
        return ceremonies.verifyRegistration(party, who.user(), challenge.get(), responseJson).thenCompose(registered -> {
            if (registered.isEmpty()) {
                return CompletableFuture.completedFuture(Outcome.NOT_VERIFIED);
            }
            Passkey passkey = new Passkey(registered.get().credentialId(), registered.get().publicKey(), registered.get().aaguid(),
                    registered.get().signCount(), name.get(), clock.instant(), Optional.empty());
            return store.addPasskey(who.user(), passkey).thenApply(added -> {
                if (added) {
                    audit.record(new AuditEvent(AuditEvent.Kind.PASSKEY_ADDED, who.user(), who.session().id().handle(), null, passkey.name()));
                }
                return added ? Outcome.DONE : Outcome.NOT_VERIFIED;
            });
        });
    }

    public CompletionStage<Outcome> rename(Identity.LoggedIn who, String csrfToken, String handle, String typedName) {
        if (!who.session().csrfMatches(csrfToken)) {
            return CompletableFuture.completedFuture(Outcome.FORM_EXPIRED);
        }
        Optional<String> name = Passkey.name(typedName);
        if (name.isEmpty()) {
            return CompletableFuture.completedFuture(Outcome.NAME_NEEDED);
        }
        return find(who.user(), handle).thenCompose(passkey -> passkey.isEmpty() ? CompletableFuture.completedFuture(Outcome.NOT_FOUND)
                : store.renamePasskey(who.user(), passkey.get().credentialId(), name.get()).thenApply(renamed -> renamed ? Outcome.DONE : Outcome.NOT_FOUND));
    }

    public CompletionStage<Outcome> remove(Identity.LoggedIn who, String csrfToken, String handle) {
        if (!who.session().csrfMatches(csrfToken)) {
            return CompletableFuture.completedFuture(Outcome.FORM_EXPIRED);
        }
        if (!who.session().isRecentlyAuthenticated(clock.instant())) {
            return CompletableFuture.completedFuture(Outcome.RECHECK_NEEDED);
        }
        return store.secondFactors(who.user()).thenCompose(found -> {
            SecondFactors factors = found.orElse(SecondFactors.NONE);
            Optional<Passkey> passkey = factors.passkeys().stream().filter(candidate -> candidate.handle().equals(handle)).findFirst();
            if (passkey.isEmpty()) {
                return CompletableFuture.completedFuture(Outcome.NOT_FOUND);
            }
            boolean last = !factors.enrolled() && factors.passkeys().size() == 1;
            return demands.required(who.user()).thenCompose(required -> required && last ? CompletableFuture.completedFuture(Outcome.LAST_REQUIRED_FACTOR)
                    : store.removePasskey(who.user(), passkey.get().credentialId()).thenApply(removed -> {
                        if (removed) {
                            audit.record(new AuditEvent(AuditEvent.Kind.PASSKEY_REMOVED, who.user(), who.session().id().handle(), null, passkey.get().name()));
                        }
                        return removed ? Outcome.DONE : Outcome.NOT_FOUND;
                    }));
        });
    }

    private CompletionStage<Optional<Passkey>> find(Username user, String handle) {
        return store.secondFactors(user).thenApply(factors -> factors.orElse(SecondFactors.NONE).passkeys().stream()
                .filter(passkey -> passkey.handle().equals(handle)).findFirst());
    }

    private static String bound(Identity.LoggedIn who) {
        return "passkey registration " + who.session().id().handle() + " " + who.user().value();
    }
}
