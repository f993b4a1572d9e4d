package dev.gatehouse.adapter.vertx.web;

/**
 * The password change form; {@code error} is null until a try went wrong. {@code fresh} is false
 * for a session that "remember me" started, which the page says: the current password is asked either way.
 */
public record PasswordPage(Frame frame, boolean fresh, String error) {
}
