package dev.gatehouse.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/** 256-bit random values from the platform CSPRNG, as URL-safe Base64 text (43 characters). */
final class RandomToken {

    static final int BYTES = 32;
    static final int TEXT_LENGTH = 43;

    private static final SecureRandom RANDOM = new SecureRandom();
    /** One digest per thread: looking one up by name costs more than the hash itself, and a digest is not thread-safe. */
    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every Java platform has SHA-256", impossible);
        }
    });
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private RandomToken() {
    }

    static String next() {
        byte[] bytes = new byte[BYTES];
        RANDOM.nextBytes(bytes);
        return ENCODER.encodeToString(bytes);
    }

    /** True when the text has the exact shape of a token; says nothing about whether it was issued. */
    static boolean isWellFormed(String text) {
        if (text == null || text.length() != TEXT_LENGTH) {
            return false;
        }
        for (int i = 0; i < TEXT_LENGTH; i++) {
            char c = text.charAt(i);
            boolean ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
            if (!ok) {
                return false;
            }
        }
        // The last character carries 2 padding bits that must be zero, so each token has one spelling.
        return "AEIMQUYcgkosw048".indexOf(text.charAt(TEXT_LENGTH - 1)) >= 0;
    }

    /** Hex SHA-256 of a token: what is stored in its place, so a store dump holds nothing usable. */
    static String sha256Hex(String token) {
        return HexFormat.of().formatHex(SHA_256.get().digest(token.getBytes(StandardCharsets.US_ASCII)));
    }

    /** Compares two texts in time that does not depend on where they differ. */
    static boolean constantTimeEquals(String a, String b) {
        return MessageDigest.isEqual(
                a.getBytes(StandardCharsets.US_ASCII),
                b.getBytes(StandardCharsets.US_ASCII));
    }
}
