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
public record SecondFactors(Optional<TotpSecret> totp, long lastUsedStep, Set<String> recoveryCodeHashes, List<TrustedBrowser> trustedBrowsers) {

    public static final SecondFactors NONE = new SecondFactors(Optional.empty(), -1, Set.of(), List.of());

    public SecondFactors {
        Objects.requireNonNull(totp, "totp");
        recoveryCodeHashes = Set.copyOf(recoveryCodeHashes);
        trustedBrowsers = List.copyOf(trustedBrowsers);
    }

    /** With no trusted browser. */
    public SecondFactors(Optional<TotpSecret> totp, long lastUsedStep, Set<String> recoveryCodeHashes) {
        this(totp, lastUsedStep, recoveryCodeHashes, List.of());
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

    public boolean enrolled() {
        return totp.isPresent();
    }
}
