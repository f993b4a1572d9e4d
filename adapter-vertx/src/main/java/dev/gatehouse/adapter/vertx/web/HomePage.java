package dev.gatehouse.adapter.vertx.web;

/** The page only logged-in users see, with the preferences kept in their session. */
public record HomePage(String username, String csrfToken, String theme, String language) {
}
