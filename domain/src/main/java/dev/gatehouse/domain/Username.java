package dev.gatehouse.domain;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;

/**
 * A user's login name, in one canonical form so that a name is one account however it is typed:
 * trimmed, compatibility-normalised (a full-width {@code ａ} is {@code a}), lower-cased and
 * NFC-normalised, 1 to 64 code points, with no control, format or line-separator characters.
 * {@code Alice}, {@code ALICE} and {@code alice} are the same user, and the name is shown as
 * {@code alice}.
 *
 * <p>Any such name can be looked up, so names made before {@link #forNewAccount} existed keep
 * working; a new account's name must also pass {@link #forNewAccount}.
 */
public record Username(String value) {

    public static final int MAX_CODE_POINTS = 64;

    /** The punctuation a new name may hold besides letters and digits: enough for e-mail addresses. */
    public static final String PUNCTUATION = "._-@+";

    /** What {@link #forNewAccount} asks, in words for whoever typed the name. */
    public static final String NEW_NAME_RULE = "a username is letters, digits and " + String.join(" ", PUNCTUATION.split(""))
            + ", starting with a letter or digit";

    public Username {
        if (value == null) {
            throw new IllegalArgumentException("username is missing");
        }
        value = canonical(value);
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

    /**
     * The name for an account being made, which also keeps to {@link #NEW_NAME_RULE}: no spaces,
     * quotes or markup that would make the name hard to type in a terminal or to tell apart.
     *
     * @throws IllegalArgumentException saying what is wrong with the text
     */
    public static Username forNewAccount(String text) {
        Username name = new Username(text);
        int first = name.value.codePointAt(0);
        if (!Character.isLetterOrDigit(first) || !name.value.codePoints().allMatch(Username::isAllowedInNewNames)) {
            throw new IllegalArgumentException(NEW_NAME_RULE);
        }
        return name;
    }

    /**
     * Lower-casing after NFKC can leave a string that NFC composes differently (and NFKC can make
     * what lower-casing changes), so the order is: compatibility forms, case, then composition.
     */
    private static String canonical(String text) {
        String compatible = Normalizer.normalize(text.strip(), Normalizer.Form.NFKC);
        return Normalizer.normalize(compatible.toLowerCase(Locale.ROOT), Normalizer.Form.NFC);
    }

    private static boolean isAllowedInNewNames(int codePoint) {
        int type = Character.getType(codePoint);
        return Character.isLetterOrDigit(codePoint)
                || type == Character.NON_SPACING_MARK
                || type == Character.COMBINING_SPACING_MARK
                || PUNCTUATION.indexOf(codePoint) >= 0;
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
