package dev.gatehouse.adapter.vertx.http;

/** The password change form; {@code error} is null until a try went wrong. */
record PasswordPage(String csrfToken, String username, String error) {
}
