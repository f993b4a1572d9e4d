package dev.gatehouse.application;

import dev.gatehouse.domain.AuditLog;
import dev.gatehouse.domain.RememberedLogins;
import dev.gatehouse.domain.CsrfToken;
import dev.gatehouse.domain.SessionId;
import dev.gatehouse.domain.SessionRepository;
import dev.gatehouse.domain.SessionSummary;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * A logged-in user ends one of their own sessions (a lost phone, a shared computer), or every one
 * but the session they are using. Only their own: a handle of someone else's session ends nothing.
 */
public final class EndOwnSessions {

    /** Which of the user's sessions to end: one by its handle, or all but the current one. */
    public sealed interface Which {
        record One(String handle) implements Which {
        }

        record AllOthers() implements Which {
        }
    }

    public sealed interface Result {
        record Ended(int count) implements Result {
        }

        record NotLoggedIn() implements Result {
        }

        record FormExpired() implements Result {
        }
    }

    private final ListOwnSessions listOwnSessions;
    private final SessionRepository sessions;
    private final RememberedLogins remembered;
    private final AuditLog audit;

    public EndOwnSessions(ListOwnSessions listOwnSessions, SessionRepository sessions, RememberedLogins remembered, AuditLog audit) {
        this.listOwnSessions = listOwnSessions;
        this.sessions = sessions;
        this.remembered = remembered;
        this.audit = audit;
    }

    public CompletionStage<Result> end(Optional<SessionId> sessionId, String csrfToken, Which which) {
        return listOwnSessions.list(sessionId).thenCompose(found -> {
            if (found.isEmpty()) {
                return CompletableFuture.completedFuture(new Result.NotLoggedIn());
            }
            ListOwnSessions.OwnSessions own = found.get();
            if (!new CsrfToken(own.csrfToken()).matches(csrfToken)) {
                return CompletableFuture.completedFuture(new Result.FormExpired());
            }
            List<SessionSummary> chosen = own.sessions().stream()
                    .filter(session -> which instanceof Which.One one
                            ? session.handle().equals(one.handle())
                            : !session.handle().equals(own.currentHandle()))
                    .toList();
            return Revocations.end(sessions, remembered, audit, chosen, "by the user").thenApply(done -> new Result.Ended(chosen.size()));
        });
    }
}
