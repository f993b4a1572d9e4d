package dev.gatehouse.domain;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A group of users, as access rules name it ({@code group:staff}) and the identity headers send it
 * ({@code Remote-Groups: staff,ops}): 1 to 64 lower-case letters, digits and {@code . _ -},
 * starting with a letter or digit; typed in any case, kept in lower case, like a {@link Username}.
 * No comma or space can be in a name, so a comma-joined list of groups is never ambiguous.
 */
public record Group(String name) implements Comparable<Group> {

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
    public static final String RULE = "a group is 1 to 64 letters, digits and . _ -, starting with a letter or digit";

    public Group {
        if (name == null) {
            throw new IllegalArgumentException("group is missing");
        }
        name = name.strip().toLowerCase(Locale.ROOT);
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException(RULE);
        }
    }

    public static Optional<Group> parse(String text) {
        try {
            return Optional.of(new Group(text));
        } catch (IllegalArgumentException invalid) {
            return Optional.empty();
        }
    }

    @Override
    public int compareTo(Group other) {
        return name.compareTo(other.name);
    }

    @Override
    public String toString() {
        return name;
    }
}
