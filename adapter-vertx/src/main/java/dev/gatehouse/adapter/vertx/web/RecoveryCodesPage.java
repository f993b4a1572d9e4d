package dev.gatehouse.adapter.vertx.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * New recovery codes, shown this once, with a download of the same as a text file; {@code heading}
 * says what just happened, {@code continueTo} where the user goes next (null: the account's
 * two-factor page).
 */
public record RecoveryCodesPage(Frame frame, String heading, List<String> codes, String site, String continueTo) {

    public String onward() {
        return continueTo == null ? TwoFactorForms.PATH : continueTo;
    }

    public String onwardLabel() {
        return continueTo == null ? "Done" : "Continue";
    }


    /**
     * The codes as a {@code data:} URL for the download link: the file is made in the browser from
     * the page itself, so the codes are not sent again and no script is needed. Percent-encoded
     * throughout (no quote, angle bracket or space is left), so the page may write it as it is.
     */
    public String download() {
        StringBuilder text = new StringBuilder("Recovery codes for ").append(frame.username()).append(" at ").append(site)
                .append("\nEach code works once, in place of an authenticator code.\n\n");
        codes.forEach(code -> text.append(code).append('\n'));
        return "data:text/plain;charset=utf-8," + URLEncoder.encode(text.toString(), StandardCharsets.UTF_8).replace("+", "%20");
    }
}
