package dev.gatehouse.adapter.vertx.web;

/** The one-button confirmation that {@code GET /logout} shows instead of acting. */
public record LogoutPage(Frame frame) {
}
