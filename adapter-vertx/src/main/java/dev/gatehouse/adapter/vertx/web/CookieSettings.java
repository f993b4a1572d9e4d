package dev.gatehouse.adapter.vertx.web;

/**
 * The session cookie's name and whether it is marked Secure. Over HTTPS, and on plain HTTP to
 * localhost (which browsers treat as secure), the cookie is {@code __Host-gh_session}: Secure,
 * Path=/, no Domain. Elsewhere on plain HTTP a browser would drop such a cookie, so it becomes
 * {@code gh_session} without Secure, and the server warns at start-up.
 */
public record CookieSettings(String name, boolean secure) {

    public static final String HOST_PREFIXED_NAME = "__Host-gh_session";
    public static final String PLAIN_NAME = "gh_session";

    public static CookieSettings forSecureContext(boolean secureContext) {
        return secureContext ? new CookieSettings(HOST_PREFIXED_NAME, true) : new CookieSettings(PLAIN_NAME, false);
    }
}
