package dev.gatehouse.adapter.vertx.web;

/**
 * The login form; {@code next} and {@code error} may be null, {@code username} is what was typed,
 * {@code remember} whether the "remember me" box was ticked, {@code flash} a one-time message or null.
 */
public record LoginPage(String csrfToken, String next, String username, boolean remember, String error, String flash) {
}
