package dev.gatehouse.adapter.vertx.driven.hashing;

import dev.gatehouse.domain.Password;
import dev.gatehouse.domain.PasswordPolicy;
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

    public static final int DEFAULT_ITERATIONS = PasswordPolicy.DEFAULT_HASH_ITERATIONS;
    public static final int MIN_ITERATIONS = PasswordPolicy.MIN_HASH_ITERATIONS;

    private static final String ALGORITHM = "pbkdf2";
    private static final int SALT_BYTES = 16;
    /** PBKDF2 with HMAC-SHA512 derives as many bytes as SHA-512 yields. */
    private static final int DERIVED_KEY_BYTES = 64;

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

    /**
     * A hash in the current format and at the current cost that no password matches: a random
     * salt and a random derived key, made without hashing anything. Checking a password against
     * it costs exactly what checking against a real hash costs, which is what an unknown user
     * must cost; finding a password for it would mean breaking PBKDF2.
     */
    public String unmatchableHash() {
        byte[] salt = new byte[SALT_BYTES];
        byte[] derivedKey = new byte[DERIVED_KEY_BYTES];
        random.nextBytes(salt);
        random.nextBytes(derivedKey);
        Base64.Encoder base64 = Base64.getEncoder().withoutPadding();
        return "$" + ALGORITHM + "$it=" + iterations + "$" + base64.encodeToString(salt) + "$" + base64.encodeToString(derivedKey);
    }

    public boolean verify(String phcHash, Password password) {
        if (!isAcceptable(phcHash)) {
            return false;
        }
        return strategy.verify(phcHash, password.reveal());
    }

    /** True for a hash this class accepts but made with fewer iterations than it would use today. */
    public boolean isWeakerThanCurrent(String phcHash) {
        return isAcceptable(phcHash) && iterationsOf(phcHash) < iterations;
    }

    /** Only our own algorithm at a sane iteration count: a hand-edited weak entry must not log anyone in. */
    private static boolean isAcceptable(String phcHash) {
        return phcHash != null && iterationsOf(phcHash) >= MIN_ITERATIONS;
    }

    /** The iteration count of a {@code $pbkdf2$it=N$...} hash; 0 when it has none that can be read. */
    private static int iterationsOf(String phcHash) {
        String prefix = "$" + ALGORITHM + "$it=";
        int end = phcHash.indexOf('$', prefix.length());
        if (!phcHash.startsWith(prefix) || end < 0) {
            return 0;
        }
        try {
            return Integer.parseInt(phcHash.substring(prefix.length(), end));
        } catch (NumberFormatException notANumber) {
            return 0;
        }
    }
}
