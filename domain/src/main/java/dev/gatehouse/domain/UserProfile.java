package dev.gatehouse.domain;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * What access rules and protected applications know of a user besides the name: the groups
 * (sorted, so headers and listings read the same everywhere), and an optional display name and
 * e-mail address, which only ever reach the identity headers.
 */
public record UserProfile(Username user, SortedSet<Group> groups, Optional<String> displayName, Optional<String> email) {

    public static final int MAX_DISPLAY_NAME = 100;
    public static final int MAX_EMAIL = 254;

    public UserProfile {
        Objects.requireNonNull(user, "user");
        groups = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(groups));
        displayName = displayName.map(String::strip).filter(name -> !name.isEmpty());
        email = email.map(String::strip).filter(address -> !address.isEmpty());
        displayName.ifPresent(name -> requireHeaderSafe(name, MAX_DISPLAY_NAME, "a display name"));
        email.ifPresent(address -> {
            requireHeaderSafe(address, MAX_EMAIL, "an e-mail address");
            if (!address.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
                throw new IllegalArgumentException("an e-mail address looks like name@example.com");
            }
        });
    }

    /** A user with no groups, no display name and no e-mail address. */
    public static UserProfile of(Username user) {
        return new UserProfile(user, new TreeSet<>(), Optional.empty(), Optional.empty());
    }

    public UserProfile withGroups(Set<Group> newGroups) {
        return new UserProfile(user, new TreeSet<>(newGroups), displayName, email);
    }

    /** In the groups {@code add} too, and no longer in {@code remove}. */
    public UserProfile withGroupsChanged(Set<Group> add, Set<Group> remove) {
        TreeSet<Group> changed = new TreeSet<>(groups);
        changed.addAll(add);
        changed.removeAll(remove);
        return withGroups(changed);
    }

    public boolean isIn(Group group) {
        return groups.contains(group);
    }

    /**
     * Printable, one line, of bounded length: these values become HTTP header values, where a line
     * break would be a header of the user's own making.
     */
    private static void requireHeaderSafe(String value, int max, String what) {
        if (value.length() > max) {
            throw new IllegalArgumentException(what + " is at most " + max + " characters");
        }
        if (value.codePoints().anyMatch(c -> Character.isISOControl(c) || Character.getType(c) == Character.FORMAT
                || Character.getType(c) == Character.LINE_SEPARATOR || Character.getType(c) == Character.PARAGRAPH_SEPARATOR)) {
            throw new IllegalArgumentException(what + " holds a control or invisible formatting character");
        }
    }
}
