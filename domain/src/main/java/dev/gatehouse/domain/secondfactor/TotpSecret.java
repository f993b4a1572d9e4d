package dev.gatehouse.domain.secondfactor;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;

/**
 * The secret an authenticator app shares with Gatehouse: 160 bits or more (RFC 4226 asks for
 * 128, recommends 160). It is key material: {@link #toString} never shows it, and stores keep it
 * encrypted. How it is written down (Base32 for the app, ciphertext for a store) is the adapters'.
 */
public final class TotpSecret {

    public static final int MIN_BYTES = 20;

    private final byte[] bytes;

    public TotpSecret(byte[] bytes) {
        if (bytes == null || bytes.length < MIN_BYTES) {
            throw new IllegalArgumentException("an authenticator secret is at least " + MIN_BYTES * 8 + " bits");
        }
        this.bytes = bytes.clone();
    }

    /** A new secret of 160 bits, from a cryptographically strong generator. */
    public static TotpSecret generate(SecureRandom random) {
        byte[] bytes = new byte[MIN_BYTES];
        random.nextBytes(bytes);
        return new TotpSecret(bytes);
    }

    /** A copy of the key: the caller may wipe it when done. */
    public byte[] bytes() {
        return bytes.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TotpSecret secret && MessageDigest.isEqual(bytes, secret.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "TotpSecret[hidden]";
    }
}
