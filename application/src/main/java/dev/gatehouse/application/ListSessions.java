package dev.gatehouse.application;

import dev.gatehouse.domain.SessionPolicy;
import dev.gatehouse.domain.SessionRepository;
import dev.gatehouse.domain.SessionSummary;
import dev.gatehouse.domain.Username;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** The live logged-in sessions, of one user or of all, by user and then oldest first. */
public final class ListSessions {

    private static final Comparator<SessionSummary> BY_USER_THEN_AGE = Comparator
            .comparing((SessionSummary session) -> session.user().value())
            .thenComparing(SessionSummary::createdAt)
            .thenComparing(SessionSummary::storageKey);

    private final SessionRepository sessions;
    private final SessionPolicy policy;
    private final Clock clock;

    public ListSessions(SessionRepository sessions, SessionPolicy policy, Clock clock) {
        this.sessions = sessions;
        this.policy = policy;
        this.clock = clock;
    }

    /** All users' sessions when {@code typedUsername} is empty; none for a name no user can have. */
    public CompletionStage<List<SessionSummary>> list(Optional<String> typedUsername) {
        Optional<Username> user = typedUsername.flatMap(Username::parse);
        if (typedUsername.isPresent() && user.isEmpty()) {
            return CompletableFuture.completedFuture(List.of());
        }
        return sessions.listLoggedIn(user).thenApply(found -> {
            Instant now = clock.instant();
            return found.stream().filter(session -> !session.isExpiredAt(now, policy)).sorted(BY_USER_THEN_AGE).toList();
        });
    }
}
