package dev.gatehouse.domain.access;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A host a rule applies to: {@code app.example.com} exactly, or {@code *.example.com} for every
 * host below it (not {@code example.com} itself, as with certificates). Compared in lower case.
 */
public record HostPattern(String pattern) {

    private static final Pattern LABELS = Pattern.compile("(\\*\\.)?([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)*[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");

    public HostPattern {
        pattern = pattern.strip().toLowerCase(Locale.ROOT);
        if (!LABELS.matcher(pattern).matches()) {
            throw new IllegalArgumentException("'" + pattern + "' is not a host name or *.host name");
        }
    }

    /** Asked of every rule on every forwarded request: compares in place, copying nothing. */
    public boolean matches(String host) {
        if (!pattern.startsWith("*.")) {
            return host.equals(pattern);
        }
        int suffix = pattern.length() - 1;  // ".example.com"
        return host.length() > suffix && host.regionMatches(host.length() - suffix, pattern, 1, suffix);
    }

    @Override
    public String toString() {
        return pattern;
    }
}
