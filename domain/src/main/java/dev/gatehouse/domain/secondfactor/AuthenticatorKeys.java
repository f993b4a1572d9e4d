package dev.gatehouse.domain.secondfactor;

/** Makes the key an authenticator app is given at enrolment ({@link Totp}'s settings, 160 bits or more). */
public interface AuthenticatorKeys {

    /** A new key for this account (the username), named in the app as {@code issuer: account}. */
    AuthenticatorKey issue(String issuer, String account);

    /** The key an enrolment in progress was given, from its Base32 (its secret and URI, to check a code and show it once more). */
    AuthenticatorKey of(String base32, String issuer, String account);
}
