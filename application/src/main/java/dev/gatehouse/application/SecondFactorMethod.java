package dev.gatehouse.application;

import dev.gatehouse.domain.AuthMethod;

import java.util.Locale;

/** A way to give the second step of a login; the JSON API lists them by {@link #label()}. */
public enum SecondFactorMethod {
    /** A 6-digit code from an authenticator app. */
    AUTHENTICATOR_CODE(AuthMethod.PASSWORD_AND_CODE),
    /** One of the recovery codes, for the day the phone is lost. */
    RECOVERY_CODE(AuthMethod.PASSWORD_AND_RECOVERY_CODE),
    /** A passkey: a security key, or the phone's or computer's own. */
    PASSKEY(AuthMethod.PASSWORD_AND_PASSKEY);

    private final AuthMethod login;

    SecondFactorMethod(AuthMethod login) {
        this.login = login;
    }

    /** How a session logged in with a password and then this is said to be authenticated. */
    public AuthMethod afterPassword() {
        return login;
    }

    /** {@code authenticator_code}, {@code recovery_code}, {@code passkey}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
