package dev.gatehouse.adapter.vertx.driven.sealing;

import dev.gatehouse.domain.Sealer;
import dev.gatehouse.domain.Username;
import dev.gatehouse.domain.secondfactor.TotpSecret;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Encrypts what a user directory must keep secret at rest (authenticator secrets) with AES-256-GCM,
 * under a key derived from the server secret for this use alone. The newest secret seals; every
 * listed secret opens, so rotating the secret ({@code GATEHOUSE_PREVIOUS_SECRETS}) keeps what was
 * sealed before readable. A sealed value names its key by a short fingerprint, so opening tries
 * one key, not all:
 * <pre>gh1.KEYID.BASE64URL(NONCE || CIPHERTEXT || TAG)</pre>
 * The user's name is bound in as associated data: a sealed value copied to another user's entry
 * does not open there.
 */
public final class SecretSealer implements Sealer {

    private static final String FORMAT = "gh1";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder BASE64URL_DECODER = Base64.getUrlDecoder();

    private record Key(String id, SecretKeySpec spec) {
    }

    private final List<Key> keys = new ArrayList<>();
    private final SecureRandom random = new SecureRandom();

    /** @param secrets the current server secret first, then previous ones that must still open */
    public SecretSealer(List<byte[]> secrets) {
        if (secrets.isEmpty()) {
            throw new IllegalArgumentException("sealing needs a secret");
        }
        for (byte[] secret : secrets) {
            byte[] key = derive(secret, "gatehouse sealed user secrets v1");
            String id = HexFormat.of().formatHex(derive(key, "key id"), 0, 4);
            keys.add(new Key(id, new SecretKeySpec(key, "AES")));
        }
    }

    @Override
    public String seal(byte[] plain, String boundTo) {
        Key key = keys.get(0);
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key.spec(), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(boundTo.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plain);
            byte[] whole = new byte[NONCE_BYTES + sealed.length];
            System.arraycopy(nonce, 0, whole, 0, NONCE_BYTES);
            System.arraycopy(sealed, 0, whole, NONCE_BYTES, sealed.length);
            return FORMAT + "." + key.id() + "." + BASE64URL.encodeToString(whole);
        } catch (GeneralSecurityException missing) {
            throw new IllegalStateException("this JDK cannot do AES-GCM, which every JDK must", missing);
        }
    }

    /** The plain bytes, or empty when the value was tampered with, is bound to someone else, or no listed secret sealed it. */
    @Override
    public Optional<byte[]> open(String sealed, String boundTo) {
        String[] parts = sealed == null ? new String[0] : sealed.split("\\.", -1);
        if (parts.length != 3 || !parts[0].equals(FORMAT)) {
            return Optional.empty();
        }
        Optional<Key> key = keys.stream().filter(candidate -> candidate.id().equals(parts[1])).findFirst();
        if (key.isEmpty()) {
            return Optional.empty();
        }
        try {
            byte[] whole = BASE64URL_DECODER.decode(parts[2]);
            if (whole.length <= NONCE_BYTES) {
                return Optional.empty();
            }
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key.get().spec(), new GCMParameterSpec(TAG_BITS, whole, 0, NONCE_BYTES));
            cipher.updateAAD(boundTo.getBytes(StandardCharsets.UTF_8));
            return Optional.of(cipher.doFinal(whole, NONCE_BYTES, whole.length - NONCE_BYTES));
        } catch (IllegalArgumentException | javax.crypto.AEADBadTagException notOurs) {
            return Optional.empty();
        } catch (GeneralSecurityException missing) {
            throw new IllegalStateException("this JDK cannot do AES-GCM, which every JDK must", missing);
        }
    }

    /** The sealer a directory was given, or the failure that says why there is none. */
    public static SecretSealer required(Optional<SecretSealer> sealer) {
        return sealer.orElseThrow(() -> new IllegalStateException(
                "authenticator secrets are sealed with the server secret, which this process has not read"));
    }

    /** A user's authenticator secret, sealed for a directory to keep. */
    public String sealTotp(TotpSecret secret, Username user) {
        return seal(secret.bytes(), user.value());
    }

    /** A user's authenticator secret as a directory keeps it, opened; a failure naming where it lies when no listed secret opens it. */
    public TotpSecret openTotp(String sealed, Username user, String where) {
        return new TotpSecret(open(sealed, user.value()).orElseThrow(() -> new IllegalStateException("the authenticator secret of " + user
                + " in " + where + " opens with none of the server secrets (was GATEHOUSE_PREVIOUS_SECRETS cleared too soon?)")));
    }

    private static byte[] derive(byte[] secret, String label) {
        try {
            Mac hmac = Mac.getInstance("HmacSHA256");
            hmac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return hmac.doFinal(label.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException missing) {
            throw new IllegalStateException("this JDK has no HmacSHA256, which every JDK must have", missing);
        }
    }
}
