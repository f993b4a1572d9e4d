package dev.gatehouse.domain;

import java.util.Optional;

/**
 * A path on this site that is safe to redirect to after login: one leading '/', then no second
 * '/' right after it, no backslash, no scheme, only printable ASCII, and no percent escape that
 * could decode into one of those. Anything else is refused, and callers go to
 * {@link #ROOT} instead.
 */
public record LocalPath(String value) {

    public static final LocalPath ROOT = new LocalPath("/");
    private static final int MAX_LENGTH = 2048;

    public LocalPath {
        if (!isSafe(value)) {
            throw new IllegalArgumentException("not a safe local path");
        }
    }

    public static Optional<LocalPath> parse(String text) {
        return isSafe(text) ? Optional.of(new LocalPath(text)) : Optional.empty();
    }

    /** The path, or the site root when the text is missing or unsafe. */
    public static LocalPath orRoot(String text) {
        return parse(text).orElse(ROOT);
    }

    private static boolean isSafe(String text) {
        if (text == null || text.isEmpty() || text.length() > MAX_LENGTH || text.charAt(0) != '/') {
            return false;
        }
        if (text.length() > 1 && (text.charAt(1) == '/' || text.charAt(1) == '\\')) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            // Only printable ASCII: a browser would rewrite anything else, and '\' acts as '/' in some.
            if (c <= 0x20 || c >= 0x7f || c == '\\') {
                return false;
            }
            if (c == '%' && !isHarmlessEscape(text, i, i == 1)) {
                return false;
            }
        }
        return true;
    }

    /**
     * A percent escape is allowed only when it is well formed and decodes to a harmless character:
     * never a control character, a space, a backslash or a percent sign (which could decode twice),
     * and never a slash right after the leading one (some servers would decode that into "//").
     */
    private static boolean isHarmlessEscape(String text, int at, boolean rightAfterLeadingSlash) {
        if (at + 2 >= text.length()) {
            return false;
        }
        int high = Character.digit(text.charAt(at + 1), 16);
        int low = Character.digit(text.charAt(at + 2), 16);
        if (high < 0 || low < 0) {
            return false;
        }
        int decoded = high * 16 + low;
        if (decoded >= 0x80) {
            return true; // a byte of a UTF-8 sequence: it cannot decode into a separator
        }
        if (decoded <= 0x20 || decoded == 0x7f || decoded == '\\' || decoded == '%') {
            return false;
        }
        return !(rightAfterLeadingSlash && decoded == '/');
    }
}
