package dev.gatehouse.application;

import dev.gatehouse.domain.AuditLog;
import dev.gatehouse.domain.RememberedLogins;
import dev.gatehouse.domain.SessionEnd;
import dev.gatehouse.domain.SessionRepository;
import dev.gatehouse.domain.SessionSummary;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.regex.Pattern;

/**
 * Ends sessions from outside them: one, named by the start of its handle (as {@link ListSessions}
 * shows it), or every session of a user. A handle prefix that fits several sessions ends none.
 */
public final class RevokeSessions {

    /** Shorter prefixes would too easily fit a session the administrator did not mean. */
    public static final int MIN_PREFIX_LENGTH = 6;
    private static final Pattern HEX = Pattern.compile("[0-9a-f]+");

    private final ListSessions listSessions;
    private final SessionRepository sessions;
    private final RememberedLogins remembered;
    private final AuditLog audit;

    public RevokeSessions(ListSessions listSessions, SessionRepository sessions, RememberedLogins remembered, AuditLog audit) {
        this.listSessions = listSessions;
        this.sessions = sessions;
        this.remembered = remembered;
        this.audit = audit;
    }

    /** Which sessions to end. */
    public sealed interface Target {
        record ByHandle(String prefix) implements Target {
        }

        record AllOfUser(String typedUsername) implements Target {
        }
    }

    public CompletionStage<RevokeSessionsResult> revoke(Target target) {
        if (target instanceof Target.ByHandle byHandle) {
            String prefix = byHandle.prefix().toLowerCase(Locale.ROOT);
            if (prefix.length() < MIN_PREFIX_LENGTH || !HEX.matcher(prefix).matches()) {
                return CompletableFuture.completedFuture(new RevokeSessionsResult.InvalidHandle());
            }
            return listSessions.list(Optional.empty()).thenCompose(all -> {
                List<SessionSummary> matching = all.stream().filter(session -> session.storageKey().startsWith(prefix)).toList();
                if (matching.size() > 1) {
                    return CompletableFuture.completedFuture(new RevokeSessionsResult.Ambiguous(matching));
                }
                return end(matching);
            });
        }
        Target.AllOfUser allOfUser = (Target.AllOfUser) target;
        return listSessions.list(Optional.of(allOfUser.typedUsername())).thenCompose(this::end);
    }

    private CompletionStage<RevokeSessionsResult> end(List<SessionSummary> chosen) {
        if (chosen.isEmpty()) {
            return CompletableFuture.completedFuture(new RevokeSessionsResult.NoMatch());
        }
        return Revocations.end(sessions, remembered, audit, chosen, SessionEnd.ENDED_BY_ADMINISTRATOR).thenApply(done -> new RevokeSessionsResult.Revoked(chosen));
    }
}
