package dev.gatehouse.domain;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * How a session's user proved who they are: what the session records, the sessions page shows
 * and an access rule's {@code two_factor} policy asks about.
 */
public enum AuthMethod {
    /** A password alone. */
    PASSWORD,
    /** A password, then a code from an authenticator app. */
    PASSWORD_AND_CODE,
    /** A password, then one of the recovery codes. */
    PASSWORD_AND_RECOVERY_CODE,
    /** A password, then a passkey. */
    PASSWORD_AND_PASSKEY,
    /**
     * A password, in a browser the user trusted at an earlier code step ("Trust this browser for
     * 30 days"): the browser's own token stands for the phone, as GitHub's trusted devices do.
     */
    PASSWORD_AND_TRUSTED_BROWSER,
    /** A passkey, without proof that its owner unlocked it (no PIN or biometric asked). */
    PASSKEY,
    /** A passkey its owner unlocked: something they have and something they are or know. */
    PASSKEY_VERIFIED,
    /** A remembered login ("remember me") restored the session: nobody typed anything. */
    REMEMBERED;

    /** Two factors of different kinds: what a {@code two_factor} rule and {@code --require-second-factor} ask for. */
    public boolean multiFactor() {
        return this == PASSWORD_AND_CODE || this == PASSWORD_AND_RECOVERY_CODE || this == PASSWORD_AND_TRUSTED_BROWSER
                || this == PASSWORD_AND_PASSKEY || this == PASSKEY_VERIFIED;
    }

    /** What a session proves once its user has typed the password again: as much as before, and a remembered login becomes a password one. */
    public AuthMethod withPasswordTyped() {
        return this == REMEMBERED ? PASSWORD : this;
    }

    /** The name stored with a session and shown in the API: {@code password_and_code}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Asked on every forwarded request a rule judges: a lookup, not a loop that makes each label again. */
    private static final Map<String, AuthMethod> BY_LABEL = Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(AuthMethod::label, method -> method));

    public static Optional<AuthMethod> ofLabel(String label) {
        return label == null ? Optional.empty() : Optional.ofNullable(BY_LABEL.get(label));
    }
}
