package dev.gatehouse.domain.access;

/** What a matching rule does with a request: let anybody through, ask for a login, or refuse. */
public enum Policy {
    /** Anybody, logged in or not; such a rule cannot name a subject. */
    BYPASS,
    /** A logged-in user (a password today; a second factor comes as its own policy). */
    ONE_FACTOR,
    /** Nobody. */
    DENY
}
