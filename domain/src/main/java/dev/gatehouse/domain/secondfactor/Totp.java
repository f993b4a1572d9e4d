package dev.gatehouse.domain.secondfactor;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;

/**
 * Authenticator codes as every app shows them (RFC 6238 over RFC 4226: HMAC-SHA1, 6 digits,
 * 30-second steps; the HMAC itself is an {@link AuthenticatorCodes}), and the rules for accepting
 * one: the step now or one step either side (a clock a little off, a code typed as it changed, as
 * Authelia's skew of 1), each step at most
 * once (a code seen over a shoulder or replayed is refused: only a step later than the last one
 * used counts), and a comparison that takes the same time wherever the codes differ.
 */
public final class Totp {

    public static final Duration STEP = Duration.ofSeconds(30);
    public static final int DIGITS = 6;
    /** Steps accepted either side of the current one. */
    public static final int WINDOW = 1;

    private Totp() {
    }

    /** The step a moment falls in: whole 30-second periods since the Unix epoch. */
    public static long step(Instant now) {
        return Math.floorDiv(now.getEpochSecond(), STEP.getSeconds());
    }

    /**
     * The step a typed code is right for, within the window around {@code now} and after
     * {@code lastUsedStep} (the step of the last code accepted for this secret; any negative
     * number when there was none); empty when it is right for none. Spaces are ignored, as apps
     * show the code in two groups.
     */
    public static OptionalLong accept(AuthenticatorCodes codes, TotpSecret secret, String typed, Instant now, long lastUsedStep) {
        String code = typed == null ? "" : typed.replace(" ", "");
        if (code.length() != DIGITS || !code.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return OptionalLong.empty();
        }
        byte[] given = code.getBytes(StandardCharsets.US_ASCII);
        long current = step(now);
        OptionalLong matched = OptionalLong.empty();
        // Every step of the window is computed and compared, whichever matches: the time taken says nothing.
        for (long candidate = current - WINDOW; candidate <= current + WINDOW; candidate++) {
            boolean same = MessageDigest.isEqual(given, codes.code(secret, candidate).getBytes(StandardCharsets.US_ASCII));
            if (same && candidate > lastUsedStep && matched.isEmpty()) {
                matched = OptionalLong.of(candidate);
            }
        }
        return matched;
    }
}
