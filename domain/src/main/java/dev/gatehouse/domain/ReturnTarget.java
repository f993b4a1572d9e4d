package dev.gatehouse.domain;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Where a login may send the browser back to: a {@link LocalPath} of this site, or an absolute
 * URL of a protected site, that is one on a host a {@link CookieDomain} covers, reached by https
 * (http only for a loopback name, {@code localhost} and {@code *.localhost}, for tests). The URL is
 * read strictly, as a browser would read it at worst: printable ASCII only, no backslash, no user
 * information, no escape in the host, and the path held to {@link LocalPath}'s rules. Anything
 * else, a look-alike such as {@code example.com.evil.net} above all, is refused, and callers go to
 * the site's root instead.
 */
public record ReturnTarget(String value) {

    private static final int MAX_LENGTH = 2048;

    /** The target, when the text is a safe one. */
    public static Optional<ReturnTarget> parse(String text, List<CookieDomain> domains) {
        if (text == null || text.isEmpty() || text.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        if (text.charAt(0) == '/') {
            return LocalPath.parse(text).map(path -> new ReturnTarget(path.value()));
        }
        return absolute(text, domains);
    }

    /** Whether this is a path of this site rather than a protected site's URL. */
    public boolean isLocal() {
        return value.startsWith("/");
    }

    /** The host of a protected site's URL (lower case, no port); empty for a local path. */
    public String host() {
        if (isLocal()) {
            return "";
        }
        int start = value.indexOf("://") + 3;
        int end = value.indexOf('/', start);
        int colon = value.indexOf(':', start);
        return value.substring(start, colon >= 0 && colon < end ? colon : end);
    }

    /** The path and query: all of a local path, or what follows the host of a URL (always from a '/'). */
    public String pathAndQuery() {
        return isLocal() ? value : value.substring(value.indexOf('/', value.indexOf("://") + 3));
    }

    private static Optional<ReturnTarget> absolute(String text, List<CookieDomain> domains) {
        String lower = text.toLowerCase(Locale.ROOT);
        boolean https = lower.startsWith("https://");
        if (!https && !lower.startsWith("http://")) {
            return Optional.empty();
        }
        int start = https ? 8 : 7;
        int end = start;
        while (end < text.length() && "/?#".indexOf(text.charAt(end)) < 0) {
            end++;
        }
        String authority = lower.substring(start, end);
        int colon = authority.indexOf(':');
        String host = colon < 0 ? authority : authority.substring(0, colon);
        if (!isHostName(host) || colon >= 0 && !isPort(authority.substring(colon + 1))) {
            return Optional.empty();  // user information, escapes, backslashes and addresses end here
        }
        if (domains.stream().noneMatch(domain -> domain.covers(host)) || !https && !isLoopbackName(host)) {
            return Optional.empty();
        }
        String rest = text.substring(end);
        if (rest.startsWith("#")) {
            rest = "";
        }
        Optional<LocalPath> path = LocalPath.parse(rest.isEmpty() ? "/" : rest.startsWith("?") ? "/" + rest : rest);
        return path.map(safe -> new ReturnTarget(lower.substring(0, start) + authority + safe.value()));
    }

    private static boolean isHostName(String host) {
        if (host.isEmpty() || host.length() > 253 || host.startsWith(".") || host.endsWith(".") || host.contains("..")) {
            return false;
        }
        return host.chars().allMatch(c -> c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '.');
    }

    private static boolean isPort(String port) {
        return port.length() >= 1 && port.length() <= 5 && port.chars().allMatch(Character::isDigit) && Integer.parseInt(port) <= 65535;
    }

    private static boolean isLoopbackName(String host) {
        return host.equals("localhost") || host.endsWith(".localhost");
    }
}
