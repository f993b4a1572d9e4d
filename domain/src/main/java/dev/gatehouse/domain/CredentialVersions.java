package dev.gatehouse.domain;

import java.util.OptionalLong;
import java.util.concurrent.CompletionStage;

/**
 * The credential version of each user as it is now (S10). A version changes whenever the user's
 * password changes or the user is disabled, and a user made anew gets a new one; a session keeps
 * the version it was made with and is valid only while it still matches. This is asked on every
 * request that greets someone, so implementations answer from memory.
 */
public interface CredentialVersions {

    /** The user's current credential version; empty when the user is gone or disabled. */
    CompletionStage<OptionalLong> current(Username user);

    /**
     * Whether a login made at credential version {@code held} still holds, {@code current} being
     * what {@link #current} says now: the user is still there, enabled, with the same password.
     */
    static boolean stillHolds(OptionalLong current, long held) {
        return current.isPresent() && current.getAsLong() == held;
    }
}
