package dev.gatehouse.application;

import dev.gatehouse.domain.SessionEnd;

import java.util.Optional;

/** The one-time messages a page may show after a redirect; a cookie carries one by name until it is shown. */
public enum FlashMessage {
    LOGGED_OUT("You have been logged out."),
    TIMED_OUT("Your session timed out. Please log in again."),
    ENDED_BY_USER("You ended this session from another one. Please log in again."),
    ENDED_BY_ADMINISTRATOR("An administrator ended your session. Please log in again."),
    PASSWORD_CHANGED("Your password was changed, so this session ended. Log in with the new one."),
    TOO_MANY_SESSIONS("This session ended to make room: you logged in on too many devices."),
    LOGIN_NOT_FINISHED(CompleteLoginResult.LogInAgain.MESSAGE),
    RECOVERY_CODE_USED("You logged in with a recovery code, which will not work again."),
    PASSKEY_ADDED("Your passkey was added. Use it to log in, in place of a code or of your password."),
    REMEMBERED_LOGIN_COPIED("Your sessions were ended because a remembered login was used twice, which happens when it is copied. "
            + "Please log in again, and change your password if that was not you.");

    private final String text;

    FlashMessage(String text) {
        this.text = text;
    }

    public String text() {
        return text;
    }

    /** What to tell whoever comes back with a session that has ended. */
    public static FlashMessage sessionEnded(SessionEnd why) {
        return switch (why) {
            case TIMED_OUT -> TIMED_OUT;
            case LOGGED_OUT -> LOGGED_OUT;
            case ENDED_BY_USER -> ENDED_BY_USER;
            case ENDED_BY_ADMINISTRATOR -> ENDED_BY_ADMINISTRATOR;
            case PASSWORD_CHANGED -> PASSWORD_CHANGED;
            case TOO_MANY_SESSIONS -> TOO_MANY_SESSIONS;
            case REMEMBERED_LOGIN_COPIED -> REMEMBERED_LOGIN_COPIED;
        };
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
