package dev.gatehouse.adapter.vertx.web;

/** The preferences page, only for logged-in users, with the preferences kept in their session. */
public record HomePage(Frame frame, String theme, String language) {
}
