package dev.gatehouse.application;

import dev.gatehouse.domain.Session;
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

    private final Greet greet;
    private final SessionRepository sessions;

    public SavePreference(Greet greet, SessionRepository sessions) {
        this.greet = greet;
        this.sessions = sessions;
    }

    public CompletionStage<SavePreferenceResult> save(Optional<SessionId> sessionId, String csrfToken, String name, String value) {
        if (!isUsable(name, value)) {
            return CompletableFuture.completedFuture(SavePreferenceResult.INVALID);
        }
        return greet.greet(sessionId).thenCompose(greeting -> greeting.fold(
                welcome -> welcome.session().csrfMatches(csrfToken)
                        ? put(welcome.session().id(), name, value)
                        : CompletableFuture.completedFuture(SavePreferenceResult.FORM_EXPIRED),
                nobody -> CompletableFuture.completedFuture(SavePreferenceResult.NOT_LOGGED_IN)));
    }

    /**
     * Writes one value into a logged-in session that the caller has already found, from an
     * application's own handler; checking that a state-changing request carries the CSRF token is
     * the caller's part, as it is for any form of its own.
     */
    public CompletionStage<SavePreferenceResult> put(SessionId sessionId, String name, String value) {
        if (!isUsable(name, value)) {
            return CompletableFuture.completedFuture(SavePreferenceResult.INVALID);
        }
        return sessions.putAttribute(sessionId, name, value).thenApply(stillThere -> stillThere ? SavePreferenceResult.SAVED : SavePreferenceResult.NOT_LOGGED_IN);
    }

    private static boolean isUsable(String name, String value) {
        return !name.isEmpty() && name.length() <= MAX_NAME && value.length() <= MAX_VALUE && !Session.isReserved(name)
                && name.chars().allMatch(c -> c == '.' || c == '-' || c == '_' || Character.isLetterOrDigit(c))
                && value.chars().noneMatch(Character::isISOControl);
    }
}
