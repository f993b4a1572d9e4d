package dev.gatehouse.adapter.vertx.driven.signing;

import dev.gatehouse.domain.Signer;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * HMAC-SHA256 signatures under keys derived from the server secret, one key per purpose, so that
 * neither the secret itself nor one purpose's key signs anything else. The first secret signs;
 * every one verifies, each checked so the time taken does not say which matched.
 */
public final class HmacSigner implements Signer {

    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    /** Per purpose, one derived key per secret, the current one first. */
    private final Map<Purpose, List<byte[]>> keys = new EnumMap<>(Purpose.class);
    /** A Mac is not thread-safe, and keying one costs two hash blocks: one keyed Mac per key and thread. */
    private final ThreadLocal<Map<Purpose, Mac[]>> macs;

    /** @param secrets the current secret first, then previous ones that still verify */
    public HmacSigner(List<byte[]> secrets) {
        if (secrets.isEmpty()) {
            throw new IllegalArgumentException("signing needs a secret");
        }
        for (Purpose purpose : Purpose.values()) {
            List<byte[]> derived = new ArrayList<>();
            for (byte[] secret : secrets) {
                derived.add(keyed(secret).doFinal(label(purpose).getBytes(StandardCharsets.US_ASCII)));
            }
            keys.put(purpose, List.copyOf(derived));
        }
        this.macs = ThreadLocal.withInitial(() -> {
            Map<Purpose, Mac[]> perPurpose = new EnumMap<>(Purpose.class);
            keys.forEach((purpose, derived) -> perPurpose.put(purpose, derived.stream().map(HmacSigner::keyed).toArray(Mac[]::new)));
            return perPurpose;
        });
    }

    /** What each purpose's key is derived with; the session cookie's label is older than the signer, and cookies signed with it stay good. */
    private static String label(Purpose purpose) {
        return purpose == Purpose.SESSION_COOKIE ? "gatehouse session cookie v1" : "gatehouse signer v1 " + purpose.name();
    }

    @Override
    public String sign(Purpose purpose, String value) {
        return signWith(macs.get().get(purpose)[0], value);
    }

    @Override
    public boolean verifies(Purpose purpose, String value, String signature) {
        if (value == null || signature == null) {
            return false;
        }
        byte[] presented = signature.getBytes(StandardCharsets.US_ASCII);
        boolean valid = false;
        for (Mac mac : macs.get().get(purpose)) {
            valid |= MessageDigest.isEqual(presented, signWith(mac, value).getBytes(StandardCharsets.US_ASCII));
        }
        return valid;
    }

    private static String signWith(Mac mac, String value) {
        return BASE64URL.encodeToString(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
    }

    /** A Mac keyed with the key; not thread-safe, hence one per key and thread. */
    private static Mac keyed(byte[] key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac;
        } catch (GeneralSecurityException impossible) {
            throw new IllegalStateException("every Java platform has HmacSHA256", impossible);
        }
    }
}
