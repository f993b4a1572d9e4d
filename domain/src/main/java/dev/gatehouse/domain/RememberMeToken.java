package dev.gatehouse.domain;

import java.util.Optional;

/**
 * What a "remember me" cookie holds: a selector, which names the remembered login in its store,
 * and a validator, which proves the holder got it from us. Only SHA-256 hashes of the two are
 * stored, so the store alone cannot make a cookie, nor even name one; the validator changes at
 * every use.
 */
public final class RememberMeToken {

    private static final char SEPARATOR = '.';

    private final String selector;
    private final String validator;

    private RememberMeToken(String selector, String validator) {
        this.selector = selector;
        this.validator = validator;
    }

    public static RememberMeToken generate() {
        return new RememberMeToken(RandomToken.next(), RandomToken.next());
    }

    /** The token in a cookie's value, or empty when the text does not have the exact shape of one we issue. */
    public static Optional<RememberMeToken> parse(String text) {
        if (text == null || text.length() != 2 * RandomToken.TEXT_LENGTH + 1 || text.charAt(RandomToken.TEXT_LENGTH) != SEPARATOR) {
            return Optional.empty();
        }
        String selector = text.substring(0, RandomToken.TEXT_LENGTH);
        String validator = text.substring(RandomToken.TEXT_LENGTH + 1);
        return RandomToken.isWellFormed(selector) && RandomToken.isWellFormed(validator)
                ? Optional.of(new RememberMeToken(selector, validator)) : Optional.empty();
    }

    /** The same remembered login with a new validator: what each use hands back. */
    public RememberMeToken rotated() {
        return new RememberMeToken(selector, RandomToken.next());
    }

    /**
     * What names the remembered login in its store: the SHA-256 of the selector, so that a store
     * or a snapshot read by someone else does not hand them the cookie's first half either.
     */
    public String selectorKey() {
        return keyOf(selector);
    }

    /** The key of a selector kept in the clear by an earlier version, when it is read back. */
    public static String keyOf(String selector) {
        return RandomToken.sha256Hex(selector);
    }

    /** What the store keeps instead of the validator. */
    public String validatorHash() {
        return RandomToken.sha256Hex(validator);
    }

    /** Constant-time comparison of this token's validator with a stored hash. */
    public boolean matches(String storedValidatorHash) {
        return storedValidatorHash != null && RandomToken.constantTimeEquals(validatorHash(), storedValidatorHash);
    }

    /** The secret text, for the cookie and nowhere else. */
    public String cookieValue() {
        return selector + SEPARATOR + validator;
    }

    @Override
    public String toString() {
        return "RememberMeToken[hidden]";
    }
}
