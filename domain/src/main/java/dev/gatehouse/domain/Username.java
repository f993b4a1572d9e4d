package dev.gatehouse.domain;

import java.text.Normalizer;
import java.util.Optional;

/**
 * A user's login name: trimmed, NFC-normalised, 1 to 64 code points, no control, format or
 * line-separator characters. Names are case-sensitive, like Unix account names.
 */
public record Username(String value) {

    public static final int MAX_CODE_POINTS = 64;

    public Username {
        if (value == null) {
            throw new IllegalArgumentException("username is missing");
        }
        value = Normalizer.normalize(value.strip(), Normalizer.Form.NFC);
        int length = value.codePointCount(0, value.length());
        if (length == 0) {
            throw new IllegalArgumentException("username is empty");
        }
        if (length > MAX_CODE_POINTS) {
            throw new IllegalArgumentException("username is longer than " + MAX_CODE_POINTS + " characters");
        }
        if (value.codePoints().anyMatch(Username::isForbidden)) {
            throw new IllegalArgumentException("username contains a control or invisible formatting character");
        }
    }

    /** The name, or empty when the text cannot be a username; for input from outside. */
    public static Optional<Username> parse(String text) {
        try {
            return Optional.of(new Username(text));
        } catch (IllegalArgumentException invalid) {
            return Optional.empty();
        }
    }

    private static boolean isForbidden(int codePoint) {
        int type = Character.getType(codePoint);
        return type == Character.CONTROL
                || type == Character.FORMAT
                || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR
                || type == Character.SURROGATE
                || type == Character.UNASSIGNED
                || type == Character.PRIVATE_USE;
    }

    @Override
    public String toString() {
        return value;
    }
}
