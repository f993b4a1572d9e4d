package dev.gatehouse.adapter.vertx.driven;

import dev.gatehouse.domain.Group;
import dev.gatehouse.domain.Passkey;
import dev.gatehouse.domain.TrustedBrowser;
import dev.gatehouse.domain.UserProfile;
import dev.gatehouse.domain.UserSummary;
import dev.gatehouse.domain.Username;

import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One user as a directory keeps it: the profile (name, groups, display name, e-mail), the password
 * hash as a PHC string, whether the account is disabled, and its credential version: a random
 * number drawn anew whenever the password changes or the account is disabled, so that no version
 * is ever reused, even by a user made anew under the same name.
 */
public record UserRecord(UserProfile profile, String passwordHash, boolean disabled, long credentialVersion, Factors factors) {

    private static final SecureRandom RANDOM = new SecureRandom();

    /**
     * The second factors as a directory keeps them: the authenticator secret sealed (only a
     * {@link dev.gatehouse.adapter.vertx.driven.sealing.SecretSealer} opens it), the step of the
     * last code used, the recovery codes' hashes, and the browsers the user trusts.
     */
    public record Factors(Optional<String> sealedTotp, long lastUsedStep, Set<String> recoveryCodeHashes, List<TrustedBrowser> trustedBrowsers,
                          List<Passkey> passkeys) {
        public static final Factors NONE = new Factors(Optional.empty(), -1, Set.of(), List.of(), List.of());

        public Factors {
            recoveryCodeHashes = Set.copyOf(recoveryCodeHashes);
            trustedBrowsers = List.copyOf(trustedBrowsers);
            passkeys = List.copyOf(passkeys);
        }

        /** A new authenticator, with these recovery codes; the trusted browsers and passkeys stay. */
        public Factors enrolled(String sealed, Set<String> codes) {
            return new Factors(Optional.of(sealed), -1, codes, trustedBrowsers, passkeys);
        }

        public Factors withLastUsedStep(long step) {
            return new Factors(sealedTotp, step, recoveryCodeHashes, trustedBrowsers, passkeys);
        }

        public Factors withRecoveryCodes(Set<String> codes) {
            return new Factors(sealedTotp, lastUsedStep, codes, trustedBrowsers, passkeys);
        }

        public Factors withTrustedBrowsers(List<TrustedBrowser> browsers) {
            return new Factors(sealedTotp, lastUsedStep, recoveryCodeHashes, browsers, passkeys);
        }

        public Factors withPasskeys(List<Passkey> changed) {
            return new Factors(sealedTotp, lastUsedStep, recoveryCodeHashes, trustedBrowsers, changed);
        }
    }

    /** A user without second factors. */
    public UserRecord(UserProfile profile, String passwordHash, boolean disabled, long credentialVersion) {
        this(profile, passwordHash, disabled, credentialVersion, Factors.NONE);
    }

    public static UserRecord created(UserProfile profile, String passwordHash) {
        return new UserRecord(profile, passwordHash, false, freshVersion());
    }

    public UserRecord withFactors(Factors changed) {
        return new UserRecord(profile, passwordHash, disabled, credentialVersion, changed);
    }

    /** No second factor any more: a credential change, as a new password is. */
    public UserRecord withFactorsReset() {
        return new UserRecord(profile, passwordHash, disabled, freshVersion(), Factors.NONE);
    }

    public Username username() {
        return profile.user();
    }

    public UserRecord withPassword(String newHash) {
        return new UserRecord(profile, newHash, disabled, freshVersion(), factors);
    }

    /** The same password, hashed with stronger parameters: not a credential change. */
    public UserRecord withUpgradedHash(String strongerHash) {
        return new UserRecord(profile, strongerHash, disabled, credentialVersion, factors);
    }

    /** Disabling draws a new version, so that sessions from before stay ended when the user is enabled again. */
    public UserRecord withDisabled(boolean nowDisabled) {
        return new UserRecord(profile, passwordHash, nowDisabled, nowDisabled && !disabled ? freshVersion() : credentialVersion, factors);
    }

    /** Groups decide access, not whether a login holds: the version stays, and the next request sees them. */
    public UserRecord withGroupsChanged(Set<Group> add, Set<Group> remove) {
        return new UserRecord(profile.withGroupsChanged(add, remove), passwordHash, disabled, credentialVersion, factors);
    }

    public UserSummary summary() {
        return new UserSummary(username(), disabled, profile.groups());
    }

    /** A credential version no user has had: random, and never 0 (an anonymous session's). */
    public static long freshVersion() {
        long version;
        do {
            version = RANDOM.nextLong();
        } while (version == 0);  // 0 is an anonymous session's
        return version;
    }

    @Override
    public String toString() {
        return "UserRecord[" + username() + ", disabled=" + disabled + "]";
    }
}
