package dev.gatehouse.application;

import dev.gatehouse.domain.SessionId;
import dev.gatehouse.domain.SessionSummary;

import java.util.Optional;

/** A request to end sessions: the session cookie's id (if any), the form's CSRF token and which sessions. */
public record EndOwnSessionsCommand(Optional<SessionId> sessionId, String csrfToken, Which which) {

    /** Which of the user's sessions to end: one by its handle, or all but the current one. */
    public sealed interface Which {

        /** Whether {@code session} is one to end, {@code currentHandle} being the session that asks. */
        boolean includes(SessionSummary session, String currentHandle);

        record One(String handle) implements Which {
            @Override
            public boolean includes(SessionSummary session, String currentHandle) {
                return session.handle().equals(handle);
            }
        }

        record AllOthers() implements Which {
            @Override
            public boolean includes(SessionSummary session, String currentHandle) {
                return !session.handle().equals(currentHandle);
            }
        }
    }
}
