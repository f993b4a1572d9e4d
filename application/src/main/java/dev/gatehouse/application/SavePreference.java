package dev.gatehouse.application;

import dev.gatehouse.domain.SessionId;
import dev.gatehouse.domain.SessionRepository;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * A logged-in user keeps a small piece of data in their session (a preference, form state, a
 * cart line): the tutorial's "sessions hold user data". Only that one attribute is written, so
 * two tabs saving different things at once both keep theirs.
 */
public final class SavePreference {

    /** More than any preference needs; a session is not a database. */
    public static final int MAX_NAME = 64;
    public static final int MAX_VALUE = 256;

    public enum Result { SAVED, NOT_LOGGED_IN, FORM_EXPIRED, INVALID }

    private final Greet greet;
    private final SessionRepository sessions;

    public SavePreference(Greet greet, SessionRepository sessions) {
        this.greet = greet;
        this.sessions = sessions;
    }

    public CompletionStage<Result> save(Optional<SessionId> sessionId, String csrfToken, String name, String value) {
        if (name.isEmpty() || name.length() > MAX_NAME || value.length() > MAX_VALUE
                || !name.chars().allMatch(c -> c == '.' || c == '-' || c == '_' || Character.isLetterOrDigit(c))
                || value.chars().anyMatch(Character::isISOControl)) {
            return CompletableFuture.completedFuture(Result.INVALID);
        }
        return greet.greet(sessionId).thenCompose(greeting -> {
            if (!(greeting instanceof Greeting.Welcome welcome)) {
                return CompletableFuture.completedFuture(Result.NOT_LOGGED_IN);
            }
            if (!welcome.session().csrfToken().matches(csrfToken)) {
                return CompletableFuture.completedFuture(Result.FORM_EXPIRED);
            }
            return sessions.putAttribute(welcome.session().id(), name, value)
                    .thenApply(stillThere -> stillThere ? Result.SAVED : Result.NOT_LOGGED_IN);
        });
    }
}
