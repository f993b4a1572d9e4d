package dev.gatehouse.adapter.vertx.users;

import dev.gatehouse.domain.Password;
import io.vertx.ext.auth.hashing.HashingStrategy;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;

/**
 * Password hashes in PHC string format through vertx-auth-common: PBKDF2 with HMAC-SHA512 at
 * 210,000 iterations by default (OWASP's figure; vertx-auth-common's own default of 10,000 is far
 * too low and is never used), with a 16-byte random salt. Slow on purpose: call it off the event
 * loop. Only {@code $pbkdf2$} hashes are accepted; anything else never verifies.
 */
public final class PasswordHashing {

    public static final int DEFAULT_ITERATIONS = 210_000;
    /** Below this a hash is refused outright: it would be far weaker than any policy we ship. */
    static final int MIN_ITERATIONS = 100_000;

    private static final String ALGORITHM = "pbkdf2";
    private static final int SALT_BYTES = 16;

    private final HashingStrategy strategy = HashingStrategy.load();
    private final SecureRandom random = new SecureRandom();
    private final int iterations;

    public PasswordHashing(int iterations) {
        if (iterations < MIN_ITERATIONS) {
            throw new IllegalArgumentException("PBKDF2 needs at least " + MIN_ITERATIONS + " iterations");
        }
        this.iterations = iterations;
    }

    public int iterations() {
        return iterations;
    }

    public String hash(Password password) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        return strategy.hash(ALGORITHM, Map.of("it", Integer.toString(iterations)),
                Base64.getEncoder().withoutPadding().encodeToString(salt), password.reveal());
    }

    public boolean verify(String phcHash, Password password) {
        if (!isAcceptable(phcHash)) {
            return false;
        }
        return strategy.verify(phcHash, password.reveal());
    }

    /** Only our own algorithm at a sane iteration count: a hand-edited weak entry must not log anyone in. */
    private static boolean isAcceptable(String phcHash) {
        String prefix = "$" + ALGORITHM + "$it=";
        if (phcHash == null || !phcHash.startsWith(prefix)) {
            return false;
        }
        int end = phcHash.indexOf('$', prefix.length());
        if (end < 0) {
            return false;
        }
        try {
            return Integer.parseInt(phcHash.substring(prefix.length(), end)) >= MIN_ITERATIONS;
        } catch (NumberFormatException notANumber) {
            return false;
        }
    }
}
