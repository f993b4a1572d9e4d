package dev.gatehouse.adapter.vertx.web;

import java.util.List;

/**
 * {@code /account/two-factor}: whether a second factor is on, how many recovery codes are left,
 * and the forms that change it. {@code recent}: the user proved who they are within the last ten
 * minutes, so the forms need no password; otherwise each asks for it. {@code notice} and
 * {@code error}: what the last action did, or null. {@code next}: where a set-up goes on to (a
 * page that asked for two factors), or null. {@code passkeys}: the user's passkeys.
 */
public record TwoFactorPage(Frame frame, boolean enrolled, int recoveryCodesLeft, boolean recent, String notice, String error, String next,
                            List<PasskeyRow> passkeys) {

    /** A passkey as the page lists it: its handle for the forms, its name, when it was added, when last used ("never"). */
    public record PasskeyRow(String handle, String name, Ago added, String lastUsed) {
    }

    /** Whether the count of recovery codes left calls for a warning. */
    public boolean fewRecoveryCodes() {
        return recoveryCodesLeft <= 3;
    }
}
