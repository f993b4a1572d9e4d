package dev.gatehouse.adapter.vertx.web;

import dev.gatehouse.domain.Session;
import dev.gatehouse.domain.Username;

/**
 * What every page of a logged-in user shows around its own content: who is logged in, the links
 * to the account's pages with the current one marked, the logout button (which needs the session's
 * CSRF token), and the theme the user chose.
 *
 * @param theme "light" or "dark" as the user saved it, or null to follow the browser's setting
 */
public record Frame(String username, String csrfToken, String theme, Section current) {

    /** The account's pages, in the order the navigation lists them. */
    public enum Section {
        HOME("/", "Home"), PREFERENCES("/home", "Preferences"), SESSIONS("/sessions", "Sessions"), PASSWORD("/password", "Password"),
        TWO_FACTOR("/account/two-factor", "Two-factor"),
        LOG_OUT("/logout", "Log out");

        private final String path;
        private final String label;

        Section(String path, String label) {
            this.path = path;
            this.label = label;
        }

        public String path() {
            return path;
        }

        public String label() {
            return label;
        }
    }

    public static Frame of(Username user, Session session, Section current) {
        return new Frame(user.value(), session.csrfToken().value(), session.applicationAttribute(PreferenceForms.THEME).orElse(null), current);
    }

    /** The class the page's root element carries for a chosen theme, or null (no attribute) to follow the browser. */
    public String themeClass() {
        return theme == null ? null : "theme-" + theme;
    }
}
