package dev.gatehouse.adapter.vertx.driven.signing;

import dev.gatehouse.domain.secondfactor.AuthenticatorCodes;
import dev.gatehouse.domain.secondfactor.Totp;
import dev.gatehouse.domain.secondfactor.TotpSecret;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.util.Arrays;

/** The codes authenticator apps show: RFC 4226's HMAC-SHA1 of the step, dynamically truncated to 6 digits. */
public final class HmacAuthenticatorCodes implements AuthenticatorCodes {

    private static final int MODULUS = (int) Math.pow(10, Totp.DIGITS);

    @Override
    public String code(TotpSecret secret, long step) {
        byte[] key = secret.bytes();
        try {
            Mac hmac = Mac.getInstance("HmacSHA1");
            hmac.init(new SecretKeySpec(key, "HmacSHA1"));
            byte[] hash = hmac.doFinal(ByteBuffer.allocate(Long.BYTES).putLong(step).array());
            // RFC 4226, 5.3: 31 bits from the offset the last nibble names.
            int offset = hash[hash.length - 1] & 0x0f;
            int truncated = (hash[offset] & 0x7f) << 24 | (hash[offset + 1] & 0xff) << 16 | (hash[offset + 2] & 0xff) << 8 | hash[offset + 3] & 0xff;
            return String.format("%0" + Totp.DIGITS + "d", truncated % MODULUS);
        } catch (GeneralSecurityException missing) {
            throw new IllegalStateException("this JDK has no HmacSHA1, which every JDK must have", missing);
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }
}
