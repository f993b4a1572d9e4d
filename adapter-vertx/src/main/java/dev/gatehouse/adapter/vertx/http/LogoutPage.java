package dev.gatehouse.adapter.vertx.http;

/** The one-button confirmation that {@code GET /logout} shows instead of acting. */
record LogoutPage(String username, String csrfToken) {
}
