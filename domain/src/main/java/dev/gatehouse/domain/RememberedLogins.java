package dev.gatehouse.domain;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * Where remembered logins live, keyed by selector key (the hash of the selector). Shared like sessions when sessions are shared,
 * so any server can restore a login that another remembered.
 */
public interface RememberedLogins {

    CompletionStage<Void> save(RememberedLogin login);

    /** The login, unless unknown or expired. */
    CompletionStage<Optional<RememberedLogin>> find(String selectorKey);

    /**
     * Replaces the validator hash only if it is still {@code expected}, atomically: of two uses of
     * the same validator, exactly one rotates it. The old hash is kept as the previous one.
     *
     * @return whether this call rotated it
     */
    CompletionStage<Boolean> rotate(String selectorKey, String expected, String replacement, Instant now);

    CompletionStage<Void> delete(String selectorKey);

    /** Forgets every remembered login of the user (theft, revocation, logout everywhere). */
    CompletionStage<Void> deleteAllFor(Username user);
}
