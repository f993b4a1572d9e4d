package dev.gatehouse.domain;

import dev.gatehouse.domain.secondfactor.TotpSecret;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionStage;

/**
 * Where users' second factors are kept: the user directories, beside the passwords. Using a code
 * or a recovery code is one atomic change in the store, so that two logins racing with the same
 * code (or two servers) accept it once. The changes complete with false when there is no such user.
 */
public interface SecondFactorStore {

    /** The user's second factors; empty when there is no such user. */
    CompletionStage<Optional<SecondFactors>> secondFactors(Username user);

    /** Enrols an authenticator with these recovery codes (hashes), replacing whatever was enrolled before. */
    CompletionStage<Boolean> enrol(Username user, TotpSecret secret, Set<String> recoveryCodeHashes);

    /** Replaces the recovery codes (hashes): the old ones stop working. */
    CompletionStage<Boolean> replaceRecoveryCodes(Username user, Set<String> recoveryCodeHashes);

    /**
     * Records that the code of {@code step} was used, if the user is enrolled and the step is later
     * than the last one used; true only for the one call that recorded it, whose code then counts.
     */
    CompletionStage<Boolean> useStep(Username user, long step);

    /** Removes one recovery code's hash; true only for the one call that removed it. */
    CompletionStage<Boolean> useRecoveryCode(Username user, String hash);

    /**
     * Trusts one more browser of the user ({@link SecondFactors#withTrusted}: expired ones and the
     * oldest beyond the most a user keeps are dropped).
     */
    CompletionStage<Boolean> trustBrowser(Username user, TrustedBrowser browser, Instant now);

    /** Stops trusting the browser of this token hash; true when there was one. */
    CompletionStage<Boolean> forgetBrowser(Username user, String tokenHash);

    /** Adds a passkey; false when there is no such user, or a passkey of that credential id exists already (for anyone). */
    CompletionStage<Boolean> addPasskey(Username user, Passkey passkey);

    /**
     * Records a use of the passkey, if its counter allows it ({@link Passkey#acceptsCount}),
     * atomically: of two logins with one assertion, or a clone's, one counts at most.
     */
    CompletionStage<Boolean> usePasskey(Username user, String credentialId, long signCount, Instant when);

    CompletionStage<Boolean> renamePasskey(Username user, String credentialId, String name);

    CompletionStage<Boolean> removePasskey(Username user, String credentialId);

    /** Whose passkey this credential is: for a login that starts with the passkey, not a name. */
    CompletionStage<Optional<Username>> ownerOfPasskey(String credentialId);

    /**
     * Forgets every second factor of the user (trusted browsers and passkeys too), and moves their credential version on, as a new
     * password does: every session and remembered login of theirs ends, on every server.
     */
    CompletionStage<Boolean> reset(Username user);
}
