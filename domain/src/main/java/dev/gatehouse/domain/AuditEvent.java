package dev.gatehouse.domain;

import java.util.Locale;
import java.util.Objects;

/**
 * One line of the audit trail. It never holds a password or a session id: a session appears as
 * its handle (the start of the hash of its id). Fields that do not apply are null.
 *
 * @param user    the account concerned
 * @param session the session's handle
 * @param client  where a login came from: an address, or "terminal"
 * @param detail  a few words more, such as how long a throttled client must wait
 */
public record AuditEvent(Kind kind, Username user, String session, String client, String detail) {

    public enum Kind {
        LOGIN_SUCCEEDED, LOGIN_FAILED, LOGIN_THROTTLED, LOGGED_OUT, SESSION_TIMED_OUT, SESSION_ENDED_CREDENTIALS_CHANGED,
        SESSION_REVOKED, SESSION_EVICTED, LOGIN_REMEMBERED, SESSION_RESTORED, REMEMBERED_LOGIN_STOLEN, USER_ADDED, PASSWORD_CHANGED, USER_DISABLED, USER_ENABLED, USER_REMOVED, USER_GROUPS_CHANGED,
        ACCESS_DENIED, SECOND_FACTOR_ASKED, SECOND_FACTOR_FAILED, SECOND_FACTOR_ENROLLED, SECOND_FACTOR_REMOVED, SECOND_FACTOR_RESET, RECOVERY_CODES_RENEWED, BROWSER_TRUSTED, BROWSER_FORGOTTEN, PASSKEY_ADDED, PASSKEY_REMOVED, PASSKEY_USED, SECOND_FACTOR_CODE_REUSED, RECOVERY_CODE_USED;

        /** The name written in the log: {@code login_failed}. */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public AuditEvent {
        Objects.requireNonNull(kind, "kind");
    }

    /** An event about a session: its user and handle. */
    public static AuditEvent ofSession(Kind kind, Session session) {
        return new AuditEvent(kind, session.user().orElse(null), session.id().handle(), null, null);
    }

    /** A change an administrator (or the first start) made to a user. */
    public static AuditEvent ofUser(Kind kind, Username user) {
        return new AuditEvent(kind, user, null, null, null);
    }
}
