package dev.gatehouse.adapter.vertx.web;

/**
 * The login form; {@code next} and {@code error} may be null, {@code username} is what was typed,
 * {@code remember} whether the "remember me" box was ticked, {@code flash} a one-time message or null,
 * {@code retryAfterSeconds} how long a throttled login must wait (0 when it need not).
 */
public record LoginPage(String csrfToken, String next, String username, boolean remember, String error, String flash, long retryAfterSeconds) {
}
