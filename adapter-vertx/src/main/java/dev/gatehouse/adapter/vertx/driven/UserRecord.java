package dev.gatehouse.adapter.vertx.driven;

import dev.gatehouse.domain.Username;
import java.security.SecureRandom;

/**
 * One entry of the users file: the name, the password hash as a PHC string, whether the account
 * is disabled, and its credential version: a random number drawn anew whenever the password
 * changes or the account is disabled, so that no version is ever reused, even by a user made anew
 * under the same name.
 */
public record UserRecord(Username username, String passwordHash, boolean disabled, long credentialVersion) {

    private static final SecureRandom RANDOM = new SecureRandom();

    public static UserRecord created(Username username, String passwordHash) {
        return new UserRecord(username, passwordHash, false, freshVersion());
    }

    public UserRecord withPassword(String newHash) {
        return new UserRecord(username, newHash, disabled, freshVersion());
    }

    /** The same password, hashed with stronger parameters: not a credential change. */
    public UserRecord withUpgradedHash(String strongerHash) {
        return new UserRecord(username, strongerHash, disabled, credentialVersion);
    }

    /** Disabling draws a new version, so that sessions from before stay ended when the user is enabled again. */
    public UserRecord withDisabled(boolean nowDisabled) {
        return new UserRecord(username, passwordHash, nowDisabled, nowDisabled && !disabled ? freshVersion() : credentialVersion);
    }

    /** A credential version no user has had: random, and never 0 (an anonymous session's). */
    public static long freshVersion() {
        long version;
        do {
            version = RANDOM.nextLong();
        } while (version == 0);  // 0 is an anonymous session's
        return version;
    }

    @Override
    public String toString() {
        return "UserRecord[" + username + ", disabled=" + disabled + "]";
    }
}
