package dev.gatehouse.adapter.vertx.driven.webauthn;

import dev.gatehouse.domain.Passkey;
import dev.gatehouse.domain.PasskeyCeremonies;
import dev.gatehouse.domain.Username;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.webauthn4j.Attestation;
import io.vertx.ext.auth.webauthn4j.Authenticator;
import io.vertx.ext.auth.webauthn4j.CredentialStorage;
import io.vertx.ext.auth.webauthn4j.RelyingParty;
import io.vertx.ext.auth.webauthn4j.ResidentKey;
import io.vertx.ext.auth.webauthn4j.UserVerification;
import io.vertx.ext.auth.webauthn4j.WebAuthn4J;
import io.vertx.ext.auth.webauthn4j.WebAuthn4JCredentials;
import io.vertx.ext.auth.webauthn4j.WebAuthn4JOptions;

import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * The ceremonies on {@code vertx-auth-webauthn4j}: it makes the options (a random challenge, the
 * relying party, user verification preferred, no attestation asked) and checks the answers with
 * webauthn4j. Its {@link CredentialStorage} is a view made for each call: what Gatehouse's user
 * directory knows of the passkeys in question, and a place for the library to hand back a new
 * passkey or a counter, which the use cases then store (atomically, there).
 */
public final class WebAuthnCeremonies implements PasskeyCeremonies {

    private static final long TIMEOUT_MS = 120_000;
    /** The user-verified flag of authenticatorData's flags byte (after the 32-byte RP ID hash). */
    private static final int USER_VERIFIED = 0x04;

    private final Vertx vertx;

    public WebAuthnCeremonies(Vertx vertx) {
        this.vertx = vertx;
    }

    @Override
    public CompletionStage<Challenge> registration(Party party, Username user, List<Passkey> existing) {
        OneCall call = new OneCall(user, existing);
        return webAuthn(party, false, call).createCredentialsOptions(new JsonObject().put("name", user.value()).put("displayName", user.value()))
                .map(options -> new Challenge(options.encode(), options.getString("challenge"))).toCompletionStage();
    }

    @Override
    public CompletionStage<Optional<Registered>> verifyRegistration(Party party, Username user, String challenge, String responseJson) {
        OneCall call = new OneCall(user, List.of());
        return verify(party, call, user, challenge, responseJson).map(verified -> verified && call.stored != null
                ? Optional.of(new Registered(call.stored.getCredID(), call.stored.getPublicKey(), Optional.ofNullable(call.stored.getAaguid()).orElse(""),
                call.stored.getCounter())) : Optional.<Registered>empty()).toCompletionStage();
    }

    @Override
    public CompletionStage<Challenge> assertion(Party party, List<Passkey> allowed) {
        // The library asks its storage for a named user's credentials; this call's storage holds only {@code allowed}, so any name will do.
        Username owner = allowed.isEmpty() ? null : new Username("passkey-owner");
        OneCall call = new OneCall(owner, allowed);
        return webAuthn(party, allowed.isEmpty(), call).getCredentialsOptions(owner == null ? null : owner.value()).map(options -> {
            // The library leaves the list out where resident keys are asked for; a security key that keeps none needs it.
            if (!allowed.isEmpty()) {
                JsonArray credentials = new JsonArray();
                allowed.forEach(passkey -> credentials.add(new JsonObject().put("type", "public-key").put("id", passkey.credentialId())));
                options.put("allowCredentials", credentials);
            }
            return new Challenge(options.encode(), options.getString("challenge"));
        }).toCompletionStage();
    }

    @Override
    public Optional<String> credentialIdOf(String responseJson) {
        try {
            return Optional.ofNullable(new JsonObject(responseJson).getString("id")).filter(id -> !id.isEmpty());
        } catch (RuntimeException malformed) {
            return Optional.empty();
        }
    }

    @Override
    public CompletionStage<Optional<Asserted>> verifyAssertion(Party party, Username owner, Passkey stored, String challenge, String responseJson) {
        OneCall call = new OneCall(owner, List.of(stored));
        return verify(party, call, owner, challenge, responseJson).map(verified -> verified && call.counter != null
                ? Optional.of(new Asserted(call.counter, userVerified(responseJson))) : Optional.<Asserted>empty()).toCompletionStage();
    }

    /** Whether the library verified the answer; a malformed or refused one is simply not verified. */
    private Future<Boolean> verify(Party party, OneCall call, Username user, String challenge, String responseJson) {
        JsonObject answer;
        try {
            answer = new JsonObject(responseJson);
        } catch (RuntimeException malformed) {
            return Future.succeededFuture(false);
        }
        try {
            return webAuthn(party, false, call).authenticate(new WebAuthn4JCredentials().setChallenge(challenge).setUsername(user.value())
                    .setOrigin(party.origin()).setDomain(party.id()).setWebauthn(answer)).map(verified -> true).otherwise(false);
        } catch (RuntimeException refused) {
            return Future.succeededFuture(false);
        }
    }

    private WebAuthn4J webAuthn(Party party, boolean discoverable, CredentialStorage storage) {
        WebAuthn4JOptions options = new WebAuthn4JOptions()
                .setRelyingParty(new RelyingParty().setId(party.id()).setName(party.id()))
                .setUserVerification(UserVerification.PREFERRED)
                .setResidentKey(discoverable ? ResidentKey.REQUIRED : ResidentKey.PREFERRED)
                .setAttestation(Attestation.NONE)
                .setTimeoutInMilliseconds(TIMEOUT_MS);
        return WebAuthn4J.create(vertx, options).credentialStorage(storage);
    }

    /** After the library checked the signature: whether the authenticator reported that it verified its owner. */
    private static boolean userVerified(String responseJson) {
        try {
            String data = new JsonObject(responseJson).getJsonObject("response").getString("authenticatorData");
            byte[] bytes = Base64.getUrlDecoder().decode(data);
            return bytes.length > 32 && (bytes[32] & USER_VERIFIED) != 0;
        } catch (RuntimeException malformed) {
            return false;
        }
    }

    /** What the library may know and hand back during one ceremony. */
    private static final class OneCall implements CredentialStorage {
        private final Username user;
        private final List<Passkey> known;
        private volatile Authenticator stored;
        private volatile Long counter;

        OneCall(Username user, List<Passkey> known) {
            this.user = user;
            this.known = known;
        }

        @Override
        public Future<List<Authenticator>> find(String userName, String credentialId) {
            return Future.succeededFuture(known.stream().filter(passkey -> credentialId == null || passkey.credentialId().equals(credentialId))
                    .map(passkey -> new Authenticator().setUsername(user == null ? userName : user.value()).setType("public-key")
                            .setCredID(passkey.credentialId()).setPublicKey(passkey.publicKey()).setAaguid(passkey.aaguid().isEmpty() ? null : passkey.aaguid())
                            .setCounter(passkey.signCount()))
                    .toList());
        }

        @Override
        public Future<Void> storeCredential(Authenticator authenticator) {
            stored = authenticator;
            return Future.succeededFuture();
        }

        @Override
        public Future<Void> updateCounter(Authenticator authenticator) {
            counter = authenticator.getCounter();
            return Future.succeededFuture();
        }
    }
}
