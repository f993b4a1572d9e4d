package dev.gatehouse.domain;

import java.util.Optional;

/**
 * A random value a browser keeps in a cookie before it logs in. The login form's CSRF token is
 * its signature ({@link Signer.Purpose#LOGIN_FORM}): a cross-site page can neither read the cookie
 * nor make the signature, so the form is protected without any session stored for a visitor who
 * has not logged in (a signed double-submit token, as Django and vertx-web's CSRF handler do).
 */
public record PreLogin(String value) {

    public PreLogin {
        if (!RandomToken.isWellFormed(value)) {
            throw new IllegalArgumentException("not a pre-login value");
        }
    }

    public static PreLogin generate() {
        return new PreLogin(RandomToken.next());
    }

    /** The value of a cookie, when it has the exact shape of one we issue. */
    public static Optional<PreLogin> parse(String text) {
        return RandomToken.isWellFormed(text) ? Optional.of(new PreLogin(text)) : Optional.empty();
    }

    @Override
    public String toString() {
        return "PreLogin[hidden]";
    }
}
