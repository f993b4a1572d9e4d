package dev.gatehouse.domain.access;

import dev.gatehouse.domain.Group;
import dev.gatehouse.domain.UserProfile;

import java.util.Set;

/**
 * Who must have a second factor: everyone ({@code --require-second-factor}), the members of some
 * groups ({@code --require-second-factor-for}), and whoever an access rule asks for two factors
 * ({@code two_factor}). Such a user without one sets it up right after their next password login,
 * before the login goes any further.
 */
public record SecondFactorRequirement(boolean everyone, Set<Group> groups) {

    public static final SecondFactorRequirement NONE = new SecondFactorRequirement(false, Set.of());

    public SecondFactorRequirement {
        groups = Set.copyOf(groups);
    }

    /** Whether this user must have a second factor, here or by one of the access {@code rules}. */
    public boolean appliesTo(UserProfile user, AccessRules rules) {
        if (everyone || rules.demandsSecondFactorOf(user)) {
            return true;
        }
        for (Group group : user.groups()) {
            if (groups.contains(group)) {
                return true;
            }
        }
        return false;
    }
}
