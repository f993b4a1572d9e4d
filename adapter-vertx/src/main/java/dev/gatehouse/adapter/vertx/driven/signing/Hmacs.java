package dev.gatehouse.adapter.vertx.driven.signing;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;

/** HMAC-SHA256 keys: keyed instances, and keys of their own for each purpose derived from the secret, so the secret itself signs nothing. */
public final class Hmacs {

    private Hmacs() {
    }

    /** A key for one purpose, named by its label: the HMAC of the label under the secret. */
    public static byte[] derive(byte[] secret, String label) {
        return keyed(secret).doFinal(label.getBytes(StandardCharsets.US_ASCII));
    }

    /** A Mac keyed with the key; not thread-safe, so callers keep one per thread. */
    public static Mac keyed(byte[] key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac;
        } catch (GeneralSecurityException impossible) {
            throw new IllegalStateException("every Java platform has HmacSHA256", impossible);
        }
    }
}
