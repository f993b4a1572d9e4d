package dev.gatehouse.application;

import dev.gatehouse.domain.SecondFactorStore;
import dev.gatehouse.domain.SecondFactors;
import dev.gatehouse.domain.UserProfiles;
import dev.gatehouse.domain.Username;
import dev.gatehouse.domain.access.AccessRules;
import dev.gatehouse.domain.access.SecondFactorRequirement;

import java.util.ArrayList;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * What must follow a right password (or a remembered login) for a user: nothing, a code (the ways
 * the user can give one), or, for a user a second factor is required of who has none yet, setting
 * one up. Asked once per login, in one place, by every way in.
 */
public final class SecondFactorDemands {

    /**
     * {@code methods}: the ways the user can give the second step; empty and {@code enrolFirst}:
     * none yet, and one is required. {@code trustedBrowser}: the user has a second factor, and the
     * request comes from a browser they trust, which stands for it.
     */
    public record Demand(List<SecondFactorMethod> methods, boolean enrolFirst, boolean trustedBrowser) {
        public static final Demand NONE = new Demand(List.of(), false, false);

        public Demand {
            methods = List.copyOf(methods);
        }

        /** Nothing to ask: no second factor (and none required), or a trusted browser. */
        public boolean none() {
            return methods.isEmpty() && !enrolFirst || trustedBrowser;
        }
    }

    private final SecondFactorStore store;
    private final UserProfiles profiles;
    private final SecondFactorRequirement requirement;
    private final AccessRules rules;

    public SecondFactorDemands(SecondFactorStore store, UserProfiles profiles, SecondFactorRequirement requirement, AccessRules rules) {
        this.store = store;
        this.profiles = profiles;
        this.requirement = requirement;
        this.rules = rules;
    }

    /** @param trustToken the token of a trusted browser the request holds, if any */
    public CompletionStage<Demand> of(Username user, Optional<String> trustToken, Instant now) {
        return store.secondFactors(user).thenCompose(factors -> {
            SecondFactors known = factors.orElse(SecondFactors.NONE);
            List<SecondFactorMethod> methods = methods(known);
            if (!methods.isEmpty()) {
                return CompletableFuture.completedFuture(new Demand(methods, false, trustToken.filter(token -> known.trusts(token, now)).isPresent()));
            }
            return required(user).thenApply(required -> required ? new Demand(List.of(), true, false) : Demand.NONE);
        });
    }

    /** Whether this user must have a second factor (by an option or an access rule), whether or not they have one. */
    public CompletionStage<Boolean> required(Username user) {
        return profiles.profile(user).thenApply(profile -> profile.filter(known -> requirement.appliesTo(known, rules)).isPresent());
    }

    /** The ways a user with these factors can give the second step, in the order a page offers them. */
    static List<SecondFactorMethod> methods(SecondFactors factors) {
        List<SecondFactorMethod> methods = new ArrayList<>();
        if (factors.enrolled()) {
            methods.add(SecondFactorMethod.AUTHENTICATOR_CODE);
            if (!factors.recoveryCodeHashes().isEmpty()) {
                methods.add(SecondFactorMethod.RECOVERY_CODE);
            }
        }
        if (!factors.passkeys().isEmpty()) {
            methods.add(SecondFactorMethod.PASSKEY);
        }
        return methods;
    }
}
