package dev.gatehouse.adapter.vertx.web;

/** The start page: {@code frame} is null for a visitor who is not logged in; {@code flash} a one-time message, or null. */
public record IndexPage(Frame frame, String flash) {

    public String username() {
        return frame == null ? null : frame.username();
    }
}
