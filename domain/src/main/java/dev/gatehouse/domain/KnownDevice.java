package dev.gatehouse.domain;

import java.util.Optional;

/**
 * A browser or terminal that has logged in as an account before (OWASP's device cookies). At
 * every good login it is given a token: a random id, and the signature of that id together with
 * the account's name ({@link Signer.Purpose#KNOWN_DEVICE}), so the token is worth something for
 * that account only and cannot be made up. Logins through a known device are throttled on their
 * own, so that a stranger hammering the account locks out strangers, never its owner's devices.
 */
public record KnownDevice(String id) {

    private static final char SEPARATOR = '.';

    public KnownDevice {
        if (!RandomToken.isWellFormed(id)) {
            throw new IllegalArgumentException("not a device id");
        }
    }

    public static KnownDevice generate() {
        return new KnownDevice(RandomToken.next());
    }

    /** The device a token names, if the token is one we signed for this account. */
    public static Optional<KnownDevice> recognise(Signer signer, Username account, String token) {
        if (token == null || token.length() != 2 * RandomToken.TEXT_LENGTH + 1 || token.charAt(RandomToken.TEXT_LENGTH) != SEPARATOR) {
            return Optional.empty();
        }
        String id = token.substring(0, RandomToken.TEXT_LENGTH);
        return RandomToken.isWellFormed(id) && signer.verifies(Signer.Purpose.KNOWN_DEVICE, signed(account, id), token.substring(RandomToken.TEXT_LENGTH + 1))
                ? Optional.of(new KnownDevice(id)) : Optional.empty();
    }

    /** The token the device keeps (in a cookie, or a file at the terminal). */
    public String token(Signer signer, Username account) {
        return id + SEPARATOR + signer.sign(Signer.Purpose.KNOWN_DEVICE, signed(account, id));
    }

    /** A name cannot hold a line break, so no other name and id can sign the same text. */
    private static String signed(Username account, String id) {
        return account.value() + "\n" + id;
    }

    @Override
    public String toString() {
        return "KnownDevice[hidden]";
    }
}
