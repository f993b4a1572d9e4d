package dev.gatehouse.domain.access;

import dev.gatehouse.domain.Group;
import dev.gatehouse.domain.UserProfile;
import dev.gatehouse.domain.Username;

/** Who a rule is for: {@code user:alice} or {@code group:staff}. */
public sealed interface Subject {

    boolean includes(UserProfile user);

    record User(Username name) implements Subject {
        @Override
        public boolean includes(UserProfile user) {
            return user.user().equals(name);
        }

        @Override
        public String toString() {
            return "user:" + name;
        }
    }

    record InGroup(Group group) implements Subject {
        @Override
        public boolean includes(UserProfile user) {
            return user.isIn(group);
        }

        @Override
        public String toString() {
            return "group:" + group;
        }
    }

    /** {@code user:NAME} or {@code group:NAME}, as a rules file writes them. */
    public static Subject parse(String text) {
        String written = text.strip();
        if (written.startsWith("user:")) {
            return new User(Username.parse(written.substring(5))
                    .orElseThrow(() -> new IllegalArgumentException("'" + written + "' does not name a possible user")));
        }
        if (written.startsWith("group:")) {
            return new InGroup(new Group(written.substring(6)));
        }
        throw new IllegalArgumentException("a subject is user:NAME or group:NAME, not '" + written + "'");
    }
}
