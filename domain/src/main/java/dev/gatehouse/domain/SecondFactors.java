package dev.gatehouse.domain;

import dev.gatehouse.domain.secondfactor.TotpSecret;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A user's second factors as a directory keeps them: the authenticator secret, if enrolled; the
 * step of the last code accepted (negative when none was), so that no code counts twice; the
 * hashes of the recovery codes not used yet; and the browsers the user trusts to skip the code.
 */
public record SecondFactors(Optional<TotpSecret> totp, long lastUsedStep, Set<String> recoveryCodeHashes, List<TrustedBrowser> trustedBrowsers,
                            List<Passkey> passkeys) {

    public static final SecondFactors NONE = new SecondFactors(Optional.empty(), -1, Set.of(), List.of(), List.of());

    public SecondFactors {
        Objects.requireNonNull(totp, "totp");
        recoveryCodeHashes = Set.copyOf(recoveryCodeHashes);
        trustedBrowsers = List.copyOf(trustedBrowsers);
        passkeys = List.copyOf(passkeys);
    }

    /** With no trusted browser and no passkey. */
    public SecondFactors(Optional<TotpSecret> totp, long lastUsedStep, Set<String> recoveryCodeHashes) {
        this(totp, lastUsedStep, recoveryCodeHashes, List.of(), List.of());
    }

    /** Whether the user has any second factor: an authenticator app or a passkey. */
    public boolean any() {
        return enrolled() || !passkeys.isEmpty();
    }

    /** The same, with these passkeys. */
    public SecondFactors withPasskeys(List<Passkey> changed) {
        return new SecondFactors(totp, lastUsedStep, recoveryCodeHashes, trustedBrowsers, changed);
    }

    /** The same, with these trusted browsers. */
    public SecondFactors withTrustedBrowsers(List<TrustedBrowser> changed) {
        return new SecondFactors(totp, lastUsedStep, recoveryCodeHashes, changed, passkeys);
    }

    public Optional<Passkey> passkey(String credentialId) {
        return passkeys.stream().filter(passkey -> passkey.credentialId().equals(credentialId)).findFirst();
    }

    /** Whether a browser presenting this token is one the user trusts still. */
    public boolean trusts(String presentedToken, Instant now) {
        Optional<String> hash = TrustedBrowser.hashOf(presentedToken);
        return hash.isPresent() && trustedBrowsers.stream().anyMatch(browser -> browser.tokenHash().equals(hash.get()) && browser.isTrustedAt(now));
    }

    /** The trusted browsers after trusting one more: expired ones dropped, and the oldest beyond {@link TrustedBrowser#MAX_PER_USER}. */
    public static List<TrustedBrowser> withTrusted(List<TrustedBrowser> before, TrustedBrowser added, Instant now) {
        List<TrustedBrowser> kept = new ArrayList<>();
        kept.add(added);
        before.stream().filter(browser -> browser.isTrustedAt(now) && !browser.tokenHash().equals(added.tokenHash()))
                .sorted(Comparator.comparing(TrustedBrowser::since).reversed()).limit(TrustedBrowser.MAX_PER_USER - 1).forEach(kept::add);
        return List.copyOf(kept);
    }

    /** Whether an authenticator app is set up (codes can be checked). */
    public boolean enrolled() {
        return totp.isPresent();
    }
}
