package dev.gatehouse.application;

import java.util.Optional;

/** The one-time messages a page may show after a redirect; a cookie carries one by name until it is shown. */
public enum FlashMessage {
    LOGGED_OUT("You have been logged out."),
    SESSION_ENDED("Your session expired, please log in again.");

    private final String text;

    FlashMessage(String text) {
        this.text = text;
    }

    public String text() {
        return text;
    }

    /** The message of this name; none for a name that is not one of ours. */
    public static Optional<FlashMessage> named(String name) {
        for (FlashMessage message : values()) {
            if (message.name().equals(name)) {
                return Optional.of(message);
            }
        }
        return Optional.empty();
    }
}
