package dev.gatehouse.adapter.vertx.http;

/** The login form; {@code next} and {@code error} may be null, {@code username} is what was typed. */
record LoginPage(String csrfToken, String next, String username, String error) {
}
