package dev.gatehouse.adapter.vertx.driven.webauthn;

import com.webauthn4j.data.AttestationConveyancePreference;
import com.webauthn4j.data.AuthenticatorAssertionResponse;
import com.webauthn4j.data.AuthenticatorSelectionCriteria;
import com.webauthn4j.data.ResidentKeyRequirement;
import com.webauthn4j.data.AuthenticatorAttestationResponse;
import com.webauthn4j.data.PublicKeyCredential;
import com.webauthn4j.data.PublicKeyCredentialCreationOptions;
import com.webauthn4j.data.PublicKeyCredentialDescriptor;
import com.webauthn4j.data.PublicKeyCredentialParameters;
import com.webauthn4j.data.PublicKeyCredentialRequestOptions;
import com.webauthn4j.data.PublicKeyCredentialRpEntity;
import com.webauthn4j.data.PublicKeyCredentialType;
import com.webauthn4j.data.PublicKeyCredentialUserEntity;
import com.webauthn4j.data.UserVerificationRequirement;
import com.webauthn4j.data.attestation.statement.COSEAlgorithmIdentifier;
import com.webauthn4j.data.client.Origin;
import com.webauthn4j.data.client.challenge.DefaultChallenge;
import com.webauthn4j.test.EmulatorUtil;
import com.webauthn4j.test.client.ClientPlatform;
import dev.gatehouse.domain.Passkey;
import dev.gatehouse.domain.PasskeyCeremonies;
import dev.gatehouse.domain.Username;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionStage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The ceremonies against webauthn4j's emulated authenticator, as a browser would hold the
 * options and answers: a passkey made and then used, and what must be refused (another challenge,
 * another origin, an answer that is no answer). The browser itself is {@code PasskeysInBrowserTest}'s.
 */
class WebAuthnCeremoniesTest {

    private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64URL_DECODER = Base64.getUrlDecoder();
    private static final Username ALICE = new Username("alice");
    private static final PasskeyCeremonies.Party PARTY = new PasskeyCeremonies.Party("example.com", "https://auth.example.com");

    private final Vertx vertx = Vertx.vertx();
    private final WebAuthnCeremonies ceremonies = new WebAuthnCeremonies(vertx);
    private final ClientPlatform browser = EmulatorUtil.createClientPlatform(EmulatorUtil.PACKED_AUTHENTICATOR);

    WebAuthnCeremoniesTest() {
        browser.setOrigin(new Origin(PARTY.origin()));
    }

    @AfterEach
    void close() {
        vertx.close().await();
    }

    private static <T> T done(CompletionStage<T> stage) {
        return stage.toCompletableFuture().join();
    }

    /** What {@code navigator.credentials.create} answers, as {@code PublicKeyCredential.toJSON()} writes it. */
    private String create(PasskeyCeremonies.Challenge challenge) {
        JsonObject options = new JsonObject(challenge.optionsJson());
        JsonObject user = options.getJsonObject("user");
        PublicKeyCredentialCreationOptions creation = new PublicKeyCredentialCreationOptions(
                new PublicKeyCredentialRpEntity(options.getJsonObject("rp").getString("id"), options.getJsonObject("rp").getString("name")),
                new PublicKeyCredentialUserEntity(B64URL_DECODER.decode(user.getString("id")), user.getString("name"), user.getString("displayName")),
                new DefaultChallenge(B64URL_DECODER.decode(options.getString("challenge"))),
                List.of(new PublicKeyCredentialParameters(PublicKeyCredentialType.PUBLIC_KEY, COSEAlgorithmIdentifier.ES256)), 60_000L, List.of(),
                new AuthenticatorSelectionCriteria(null, ResidentKeyRequirement.PREFERRED, UserVerificationRequirement.PREFERRED),
                AttestationConveyancePreference.NONE, null);
        PublicKeyCredential<AuthenticatorAttestationResponse, ?> made = browser.create(creation);
        return new JsonObject().put("id", B64URL.encodeToString(made.getRawId())).put("rawId", B64URL.encodeToString(made.getRawId()))
                .put("type", "public-key").put("response", new JsonObject()
                        .put("clientDataJSON", B64URL.encodeToString(made.getResponse().getClientDataJSON()))
                        .put("attestationObject", B64URL.encodeToString(made.getResponse().getAttestationObject()))).encode();
    }

    /** What {@code navigator.credentials.get} answers. */
    private String get(PasskeyCeremonies.Challenge challenge, Passkey passkey) {
        JsonObject options = new JsonObject(challenge.optionsJson());
        PublicKeyCredentialRequestOptions request = new PublicKeyCredentialRequestOptions(
                new DefaultChallenge(B64URL_DECODER.decode(options.getString("challenge"))), 60_000L, options.getString("rpId"),
                List.of(new PublicKeyCredentialDescriptor(PublicKeyCredentialType.PUBLIC_KEY, B64URL_DECODER.decode(passkey.credentialId()), Set.of())),
                UserVerificationRequirement.PREFERRED, null);
        PublicKeyCredential<AuthenticatorAssertionResponse, ?> asserted = browser.get(request);
        JsonObject response = new JsonObject()
                .put("clientDataJSON", B64URL.encodeToString(asserted.getResponse().getClientDataJSON()))
                .put("authenticatorData", B64URL.encodeToString(asserted.getResponse().getAuthenticatorData()))
                .put("signature", B64URL.encodeToString(asserted.getResponse().getSignature()));
        return new JsonObject().put("id", B64URL.encodeToString(asserted.getRawId())).put("rawId", B64URL.encodeToString(asserted.getRawId()))
                .put("type", "public-key").put("response", response).encode();
    }

    private Passkey register() {
        PasskeyCeremonies.Challenge challenge = done(ceremonies.registration(PARTY, ALICE, List.of()));
        PasskeyCeremonies.Registered made = done(ceremonies.verifyRegistration(PARTY, ALICE, challenge.challenge(), create(challenge))).orElseThrow();
        return new Passkey(made.credentialId(), made.publicKey(), made.aaguid(), made.signCount(), "laptop", Instant.EPOCH, Optional.empty());
    }

    @Test
    void givenAPasskeyMadeForTheOptions_thenItIsRegisteredAndItsAssertionsVerifyWithTheCounterGoingUp() {
        PasskeyCeremonies.Challenge options = done(ceremonies.registration(PARTY, ALICE, List.of()));
        JsonObject json = new JsonObject(options.optionsJson());
        assertEquals("example.com", json.getJsonObject("rp").getString("id"), "the relying party: the cookie domain");
        assertEquals("preferred", json.getJsonObject("authenticatorSelection").getString("userVerification"));

        Passkey passkey = register();
        assertFalse(passkey.credentialId().isEmpty() || passkey.publicKey().isEmpty());
        PasskeyCeremonies.Challenge login = done(ceremonies.assertion(PARTY, List.of(passkey)));
        JsonArray allowed = new JsonObject(login.optionsJson()).getJsonArray("allowCredentials");
        assertEquals(passkey.credentialId(), allowed.getJsonObject(0).getString("id"), "the second step offers the user's passkeys");
        String answer = get(login, passkey);
        assertEquals(Optional.of(passkey.credentialId()), ceremonies.credentialIdOf(answer));
        PasskeyCeremonies.Asserted asserted = done(ceremonies.verifyAssertion(PARTY, ALICE, passkey, login.challenge(), answer)).orElseThrow();
        assertTrue(asserted.signCount() > passkey.signCount(), "the counter went up");
    }

    @Test
    void givenAnotherChallengeAnotherOriginOrNoAnswerAtAll_thenNothingVerifies() {
        Passkey passkey = register();
        PasskeyCeremonies.Challenge login = done(ceremonies.assertion(PARTY, List.of(passkey)));
        String answer = get(login, passkey);
        PasskeyCeremonies.Challenge other = done(ceremonies.assertion(PARTY, List.of(passkey)));
        assertTrue(done(ceremonies.verifyAssertion(PARTY, ALICE, passkey, other.challenge(), answer)).isEmpty(), "another ceremony's challenge");
        assertTrue(done(ceremonies.verifyAssertion(new PasskeyCeremonies.Party("example.com", "https://evil.example.net"), ALICE, passkey,
                login.challenge(), answer)).isEmpty(), "another origin");
        assertTrue(done(ceremonies.verifyAssertion(PARTY, ALICE, passkey, login.challenge(), "{not json")).isEmpty());
        assertTrue(ceremonies.credentialIdOf("[]").isEmpty());
        PasskeyCeremonies.Challenge registration = done(ceremonies.registration(PARTY, ALICE, List.of()));
        assertTrue(done(ceremonies.verifyRegistration(PARTY, ALICE, "b3RoZXItY2hhbGxlbmdl", create(registration))).isEmpty(), "another challenge");
        PasskeyCeremonies.Challenge discoverable = done(ceremonies.assertion(PARTY, List.of()));
        assertTrue(new JsonObject(discoverable.optionsJson()).getJsonArray("allowCredentials", new JsonArray()).isEmpty(),
                "without a second step, any passkey the authenticator keeps for the site");
    }
}
