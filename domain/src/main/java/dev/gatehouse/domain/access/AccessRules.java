package dev.gatehouse.domain.access;

import dev.gatehouse.domain.UserProfile;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The access rules, in order: the first rule that is about a request and for its user decides;
 * when none is, the default policy does. For a visitor nobody is logged in as, a rule that names
 * subjects cannot be judged yet: the decision is to log in first.
 */
public record AccessRules(List<AccessRule> rules, Policy defaultPolicy) {

    /** Without a rules file: any logged-in user passes, nobody else. */
    public static final AccessRules LOGGED_IN_USERS = new AccessRules(List.of(), Policy.ONE_FACTOR);

    public AccessRules {
        rules = List.copyOf(rules);
        Objects.requireNonNull(defaultPolicy, "defaultPolicy");
        if (defaultPolicy == Policy.BYPASS) {
            throw new IllegalArgumentException("the default policy is one_factor, two_factor or deny: bypass would open every site nobody wrote a rule for");
        }
    }

    /** Whether any rule looks at the client's address: when none does, it need not be read. */
    public boolean needClientAddress() {
        return rules.stream().anyMatch(AccessRule::namesNetworks);
    }

    /** As for a user logged in with two factors, who meets every policy there is: what an administrator asks about a user. */
    public AccessDecision decide(Resource resource, Optional<UserProfile> user) {
        return decide(resource, user, true);
    }

    /** @param multiFactor whether the user's session was authenticated with two factors ({@link dev.gatehouse.domain.AuthMethod#multiFactor}) */
    public AccessDecision decide(Resource resource, Optional<UserProfile> user, boolean multiFactor) {
        for (AccessRule rule : rules) {
            if (!rule.isAbout(resource)) {
                continue;
            }
            if (rule.namesSubjects() && user.isEmpty()) {
                return new AccessDecision.LoginRequired(Optional.of(rule));
            }
            if (user.isEmpty() || rule.isFor(user.get())) {
                return apply(rule.policy(), Optional.of(rule), user, multiFactor);
            }
        }
        return apply(defaultPolicy, Optional.empty(), user, multiFactor);
    }

    /**
     * Whether a rule asks this user for two factors anywhere: such a user without a second factor
     * sets one up right after the next password login, as {@code --require-second-factor} makes everyone.
     */
    public boolean demandsSecondFactorOf(UserProfile user) {
        return defaultPolicy == Policy.TWO_FACTOR || rules.stream().anyMatch(rule -> rule.policy() == Policy.TWO_FACTOR && rule.isFor(user));
    }

    private static AccessDecision apply(Policy policy, Optional<AccessRule> rule, Optional<UserProfile> user, boolean multiFactor) {
        return switch (policy) {
            case BYPASS -> new AccessDecision.Allowed(rule);
            case ONE_FACTOR -> user.isPresent() ? new AccessDecision.Allowed(rule) : new AccessDecision.LoginRequired(rule);
            case TWO_FACTOR -> user.isEmpty() ? new AccessDecision.LoginRequired(rule)
                    : multiFactor ? new AccessDecision.Allowed(rule) : new AccessDecision.SecondFactorRequired(rule);
            case DENY -> new AccessDecision.Denied(rule);
        };
    }
}
