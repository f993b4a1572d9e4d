package dev.gatehouse.domain;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * A path on this site that is safe to redirect to after login: one leading '/', then no second
 * '/' right after it, no backslash, no scheme, only printable ASCII, and no percent escape that
 * could decode into one of those. The text is normalised first, as a browser resolves it
 * ({@code .} and {@code ..} segments, also escaped as {@code %2e}, removed), so that
 * {@code /..//evil.com} is judged as the {@code //evil.com} it becomes. Anything else is refused,
 * and callers go to {@link #ROOT} instead.
 */
public record LocalPath(String value) {

    public static final LocalPath ROOT = new LocalPath("/");
    private static final int MAX_LENGTH = 2048;

    public LocalPath {
        if (!isSafe(value)) {
            throw new IllegalArgumentException("not a safe local path");
        }
    }

    /** The normalised path, when it is safe. */
    public static Optional<LocalPath> parse(String text) {
        if (text == null || text.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        String normalised = withoutDotSegments(text);
        return isSafe(normalised) ? Optional.of(new LocalPath(normalised)) : Optional.empty();
    }

    /**
     * The path with its {@code .} and {@code ..} segments resolved (RFC 3986, 5.2.4), also where
     * they are written as escapes; the query and fragment are left as they are.
     */
    static String withoutDotSegments(String text) {
        int end = text.length();
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '?' || text.charAt(i) == '#') {
                end = i;
                break;
            }
        }
        if (end == 0 || text.charAt(0) != '/') {
            return text;
        }
        // Most paths have no dot and no escape at all: nothing to resolve, nothing to copy.
        if (text.lastIndexOf('.', end - 1) < 0 && text.lastIndexOf('%', end - 1) < 0) {
            return text;
        }
        String[] segments = text.substring(1, end).split("/", -1);
        Deque<String> kept = new ArrayDeque<>();
        boolean endsInDirectory = false;
        for (String segment : segments) {
            String plain = segment.replace("%2e", ".").replace("%2E", ".");
            endsInDirectory = plain.equals(".") || plain.equals("..");
            if (plain.equals("..")) {
                kept.pollLast();
            } else if (!plain.equals(".")) {
                kept.addLast(segment);
            }
        }
        return "/" + String.join("/", kept) + (endsInDirectory && !kept.isEmpty() ? "/" : "") + text.substring(end);
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
