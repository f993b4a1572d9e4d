package dev.gatehouse.adapter.vertx.web;

/** The start page: {@code username} is null for a visitor who is not logged in; {@code flash} a one-time message, or null. */
public record IndexPage(String username, String csrfToken, String flash) {
}
