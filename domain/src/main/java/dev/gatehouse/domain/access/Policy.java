package dev.gatehouse.domain.access;

/** What a matching rule does with a request: let anybody through, ask for a login (with one factor or two), or refuse. */
public enum Policy {
    /** Anybody, logged in or not; such a rule cannot name a subject. */
    BYPASS,
    /** A logged-in user, however they logged in. */
    ONE_FACTOR,
    /** A user logged in with two factors (a password and a code); one logged in with a password alone gives the code first. */
    TWO_FACTOR,
    /** Nobody. */
    DENY
}
