package dev.gatehouse.domain.secondfactor;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Recovery codes, for the day the phone with the authenticator app is lost: {@link #COUNT} codes
 * of 12 characters from a 32-letter alphabet (60 bits each, above the 50 the issue asks for),
 * written {@code abcd-efgh-jkmn} and typed in any case, with or without the dashes. Each works
 * once. Stores keep only their SHA-256 hashes: with 60 bits of chance in each, a fast hash is
 * enough, unlike a password's.
 */
public final class RecoveryCodes {

    public static final int COUNT = 10;
    /**
     * Crockford's Base32: no i, l, o or u, so nothing reads like something else; typed back, an
     * o counts as 0 and an i or l as 1, so a code copied by hand still works.
     */
    private static final String ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz";
    private static final int LENGTH = 12;

    private RecoveryCodes() {
    }

    /** A new set of codes, as the user is shown them once. */
    public static List<String> generate(SecureRandom random) {
        List<String> codes = new ArrayList<>(COUNT);
        for (int c = 0; c < COUNT; c++) {
            StringBuilder code = new StringBuilder();
            for (int i = 0; i < LENGTH; i++) {
                if (i > 0 && i % 4 == 0) {
                    code.append('-');
                }
                code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
            codes.add(code.toString());
        }
        return List.copyOf(codes);
    }

    /** What a store keeps of a code: the hash of its normalised form, in hex; empty for text that is no code. */
    public static Optional<String> hash(String typed) {
        if (typed == null) {
            return Optional.empty();
        }
        String code = typed.replace("-", "").replace(" ", "").toLowerCase(Locale.ROOT)
                .replace('o', '0').replace('i', '1').replace('l', '1');
        if (code.length() != LENGTH || !code.chars().allMatch(c -> ALPHABET.indexOf(c) >= 0)) {
            return Optional.empty();
        }
        try {
            return Optional.of(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(code.getBytes(StandardCharsets.US_ASCII))));
        } catch (NoSuchAlgorithmException missing) {
            throw new IllegalStateException("this JDK has no SHA-256, which every JDK must have", missing);
        }
    }
}
