package dev.gatehouse.adapter.vertx.web;

/**
 * The setup of an authenticator app: the key's QR code (an SVG drawn by the server, no script),
 * the key in Base32 in groups of four for typing, the sealed token that comes back with the
 * confirming code, and what went wrong with the last code, or null.
 */
public record AuthenticatorSetupPage(Frame frame, String qrSvg, String key, String token, String error) {

    /** The key as an app's "enter a setup key" screen is easiest to copy from: groups of four. */
    public String groupedKey() {
        return key.replaceAll("(.{4})(?!$)", "$1 ");
    }
}
