package dev.gatehouse.domain;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A domain the session cookie is shared across ({@code example.com}: the portal at
 * {@code auth.example.com} and the protected {@code app.example.com} alike): lower case, at least
 * two labels, no address. Whether it is a public suffix (where no browser would keep the cookie)
 * is checked where the public suffix list is at hand, when the configuration is read.
 */
public record CookieDomain(String name) {

    private static final Pattern NAME = Pattern.compile("([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]([a-z0-9-]{0,61}[a-z0-9])?");

    public CookieDomain {
        name = name.strip().toLowerCase(Locale.ROOT);
        if (name.startsWith(".")) {
            name = name.substring(1);  // a leading dot is how cookies were once written; it changes nothing
        }
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("'" + name + "' is not a domain with a dot, such as example.com");
        }
    }

    /** Whether the host is this domain or below it: {@code app.example.com}, never {@code badexample.com}. */
    public boolean covers(String host) {
        String lower = host.toLowerCase(Locale.ROOT);
        int dot = lower.length() - name.length() - 1;
        return lower.equals(name) || dot > 0 && lower.endsWith(name) && lower.charAt(dot) == '.';
    }

    @Override
    public String toString() {
        return name;
    }
}
