package dev.gatehouse.domain;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * The WebAuthn ceremonies a passkey takes part in: the options a browser is given (with a fresh
 * challenge), and the check of what its authenticator answered, signature, challenge, origin and
 * relying party included. Which passkeys exist, and whose they are, is the user directory's.
 */
public interface PasskeyCeremonies {

    /** Who the passkeys are for: the relying party's id (a registrable domain) and the origin a browser must report. */
    record Party(String id, String origin) {
        public Party {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(origin, "origin");
        }
    }

    /** The options for {@code navigator.credentials}, as JSON, and the challenge in them, to check the answer against. */
    record Challenge(String optionsJson, String challenge) {
    }

    /** A new passkey as its authenticator made it. */
    record Registered(String credentialId, String publicKey, String aaguid, long signCount) {
    }

    /** A verified assertion: its counter, and whether the authenticator checked its owner (a PIN, a fingerprint). */
    record Asserted(long signCount, boolean userVerified) {
    }

    /** Options to make a new passkey for this user, never again one of {@code existing}. */
    CompletionStage<Challenge> registration(Party party, Username user, List<Passkey> existing);

    /** The new passkey, or empty when the answer does not verify. */
    CompletionStage<Optional<Registered>> verifyRegistration(Party party, Username user, String challenge, String responseJson);

    /** Options to sign in with one of {@code allowed} (a second step), or, when there are none, with any passkey the authenticator holds for this site. */
    CompletionStage<Challenge> assertion(Party party, List<Passkey> allowed);

    /** The credential an answer names, before it is checked: whose passkey to check it with. Empty for an answer that names none. */
    Optional<String> credentialIdOf(String responseJson);

    /** The assertion checked against the stored passkey; empty when it does not verify. */
    CompletionStage<Optional<Asserted>> verifyAssertion(Party party, Username owner, Passkey stored, String challenge, String responseJson);
}
