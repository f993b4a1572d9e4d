package dev.gatehouse.adapter.vertx.http;

/** The page only logged-in users see, with the preferences kept in their session. */
record HomePage(String username, String csrfToken, String theme, String language) {
}
