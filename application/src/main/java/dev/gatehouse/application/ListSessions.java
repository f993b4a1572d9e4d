package dev.gatehouse.application;

import dev.gatehouse.domain.AuditEvent;
import dev.gatehouse.domain.AuditLog;
import dev.gatehouse.domain.CredentialVersions;
import dev.gatehouse.domain.SessionPolicy;
import dev.gatehouse.domain.SessionEnd;
import dev.gatehouse.domain.SessionRepository;
import dev.gatehouse.domain.SessionSummary;
import dev.gatehouse.domain.Username;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The live logged-in sessions, of one user or of all, by user and then oldest first. A session
 * whose user has since changed password, been disabled or removed is over, even before anyone
 * uses it again: it is ended here and not listed.
 */
public final class ListSessions {

    private static final Comparator<SessionSummary> BY_USER_THEN_AGE = Comparator
            .comparing((SessionSummary session) -> session.user().value())
            .thenComparing(SessionSummary::createdAt)
            .thenComparing(SessionSummary::storageKey);

    private final SessionRepository sessions;
    private final CredentialVersions credentials;
    private final AuditLog audit;
    private final SessionPolicy policy;
    private final Clock clock;

    public ListSessions(SessionRepository sessions, CredentialVersions credentials, AuditLog audit, SessionPolicy policy, Clock clock) {
        this.sessions = sessions;
        this.credentials = credentials;
        this.audit = audit;
        this.policy = policy;
        this.clock = clock;
    }

    /** All users' sessions when {@code typedUsername} is empty; none for a name no user can have. */
    public CompletionStage<List<SessionSummary>> list(Optional<String> typedUsername) {
        Optional<Username> user = typedUsername.flatMap(Username::parse);
        if (typedUsername.isPresent() && user.isEmpty()) {
            return CompletableFuture.completedFuture(List.of());
        }
        return sessions.listLoggedIn(user).thenCompose(found -> {
            Instant now = clock.instant();
            List<SessionSummary> live = found.stream().filter(session -> !session.isExpiredAt(now, policy)).sorted(BY_USER_THEN_AGE).toList();
            Map<Username, CompletionStage<OptionalLong>> versions = new HashMap<>();
            live.forEach(session -> versions.computeIfAbsent(session.user(), credentials::current));
            List<SessionSummary> kept = new ArrayList<>();
            CompletionStage<Void> checked = CompletableFuture.completedFuture(null);
            for (SessionSummary session : live) {
                checked = checked.thenCompose(previous -> versions.get(session.user())).thenCompose(version -> {
                    if (CredentialVersions.stillHolds(version, session.credentialVersion())) {
                        kept.add(session);
                        return CompletableFuture.<Void>completedFuture(null);
                    }
                    return sessions.end(session.storageKey(), SessionEnd.credentialsChanged(version)).thenAccept(deleted -> {
                        if (deleted) {
                            audit.record(new AuditEvent(AuditEvent.Kind.SESSION_ENDED_CREDENTIALS_CHANGED, session.user(), session.handle(), null, null));
                        }
                    });
                });
            }
            return checked.thenApply(done -> List.copyOf(kept));
        });
    }
}
