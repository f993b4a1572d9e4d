package dev.gatehouse.domain;

import java.time.Duration;
import java.util.OptionalLong;

/**
 * Why a logged-in session ended, so that whoever comes back with its cookie is told why rather
 * than "expired" whatever happened. A store keeps the reason for {@link #KEPT_FOR}; a session
 * ended with no reason kept (Redis expired it, or the day has passed) is taken to have timed out,
 * since every other end is recorded.
 */
public enum SessionEnd {
    TIMED_OUT,
    LOGGED_OUT,
    /** From another of the user's own sessions (the sessions page, "log out everywhere else"). */
    ENDED_BY_USER,
    /** With {@code gatehouse sessions revoke}, or by disabling or removing the user. */
    ENDED_BY_ADMINISTRATOR,
    PASSWORD_CHANGED,
    /** The oldest of a user's sessions, ended to make room under {@code --max-sessions-per-user}. */
    TOO_MANY_SESSIONS,
    /** Every session of the user, because a remembered login was used twice: a sign it was copied. */
    REMEMBERED_LOGIN_COPIED;

    /** How long a store keeps the reason: long enough for a user to come back the next day. */
    public static final Duration KEPT_FOR = Duration.ofDays(1);

    /**
     * Why a login no longer holds, given the user's credential version now: a user with none was
     * disabled or removed, which only an administrator does; otherwise the password changed.
     */
    public static SessionEnd credentialsChanged(OptionalLong currentVersion) {
        return currentVersion.isEmpty() ? ENDED_BY_ADMINISTRATOR : PASSWORD_CHANGED;
    }
}
