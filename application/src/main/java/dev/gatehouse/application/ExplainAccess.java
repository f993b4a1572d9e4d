package dev.gatehouse.application;

import dev.gatehouse.domain.UserProfile;
import dev.gatehouse.domain.UserProfiles;
import dev.gatehouse.domain.Username;
import dev.gatehouse.domain.access.AccessDecision;
import dev.gatehouse.domain.access.AccessRules;
import dev.gatehouse.domain.access.Resource;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Why would the access rules let this user (or nobody) through to that address, or not? The same
 * rules and profiles {@link Authorize} decides with, for an administrator asking at the terminal
 * ({@code gatehouse access check}), as Authelia's {@code check-policy} does. Nothing is audited:
 * nothing was asked for.
 */
public final class ExplainAccess {

    private final UserProfiles profiles;
    private final AccessRules rules;

    public ExplainAccess(UserProfiles profiles, AccessRules rules) {
        this.profiles = profiles;
        this.rules = rules;
    }

    /** What the rules decide; a name that is no enabled user is said, not taken for nobody. */
    public CompletionStage<Explanation> explain(Optional<String> typedUser, Resource resource) {
        if (typedUser.isEmpty()) {
            return CompletableFuture.completedFuture(new Explanation(Optional.empty(), Optional.of(rules.decide(resource, Optional.empty()))));
        }
        Optional<Username> name = Username.parse(typedUser.get());
        if (name.isEmpty()) {
            return CompletableFuture.completedFuture(new Explanation(Optional.empty(), Optional.empty()));
        }
        return profiles.profile(name.get()).thenApply(profile -> new Explanation(profile,
                profile.map(user -> rules.decide(resource, Optional.of(user)))));
    }

    /**
     * The user as the rules see them, and the decision; no decision when a user was named that
     * cannot log in (unknown or disabled).
     */
    public record Explanation(Optional<UserProfile> user, Optional<AccessDecision> decision) {
    }
}
