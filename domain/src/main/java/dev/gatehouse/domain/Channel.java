package dev.gatehouse.domain;

import java.util.Locale;

/** Where a session was started, so that an administrator (and later its user) can tell sessions apart. */
public enum Channel {
    /** A browser, through the login form. */
    WEB,
    /** {@code gatehouse login} at a terminal. */
    TERMINAL;

    /** The lower-case name shown in listings. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
