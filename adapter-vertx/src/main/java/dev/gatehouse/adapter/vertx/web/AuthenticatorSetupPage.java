package dev.gatehouse.adapter.vertx.web;

/**
 * The setup of an authenticator app: the key's QR code (an SVG drawn by the server, no script),
 * the key in Base32 for typing, the sealed token that comes back with the confirming code, and
 * what went wrong with the last code, or null. On the account's page ({@code frame} set), or at a
 * login that must set one up before it goes further ({@code frame} null: nobody is logged in yet).
 * {@code next} and {@code remember} ride along to where the user goes afterwards.
 */
public record AuthenticatorSetupPage(Frame frame, String csrfToken, String username, String qrSvg, String key, String token, String error,
                                     String action, String next, boolean remember) {

    static AuthenticatorSetupPage inAccount(Frame frame, String qrSvg, String key, String token, String error, String next) {
        return new AuthenticatorSetupPage(frame, frame.csrfToken(), frame.username(), qrSvg, key, token, error, TwoFactorForms.CONFIRM, next, false);
    }

    static AuthenticatorSetupPage atLogin(String csrfToken, String username, String qrSvg, String key, String token, String error, String next,
                                          boolean remember) {
        return new AuthenticatorSetupPage(null, csrfToken, username, qrSvg, key, token, error, SecondFactorForms.ENROL, next, remember);
    }

    /** The key as an app's "enter a setup key" screen is easiest to copy from: groups of four. */
    public String groupedKey() {
        return key.replaceAll("(.{4})(?!$)", "$1 ");
    }
}
