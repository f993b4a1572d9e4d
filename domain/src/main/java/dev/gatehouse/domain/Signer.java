package dev.gatehouse.domain;

/**
 * Signs values the server hands out and later takes back, so it can tell its own from forgeries
 * without storing them. Keyed by the server secret, with a key of its own for each purpose, so a
 * signature made for one purpose is worth nothing for another; the current secret signs, and the
 * previous ones still verify, so a rotation breaks nothing in flight.
 */
public interface Signer {

    enum Purpose {
        /** The session cookie's signature of the session id, so a forged id is refused before any store is asked. */
        SESSION_COOKIE,
        /** A login form's CSRF token, the signature of the browser's {@link PreLogin}. */
        LOGIN_FORM,
        /** A device's token, the signature of its id and the account it logged in as ({@link KnownDevice}). */
        KNOWN_DEVICE
    }

    /** The signature: 256 bits as 43 characters of URL-safe Base64, the shape of every token of ours. */
    String sign(Purpose purpose, String value);

    /** Whether the signature is ours for this purpose and value, under any secret in use; compared in constant time. */
    boolean verifies(Purpose purpose, String value, String signature);
}
