package dev.gatehouse.application;

import dev.gatehouse.domain.SessionSummary;

import java.util.List;
import java.util.function.Function;

/** How {@link RevokeSessions} ends. */
public sealed interface RevokeSessionsResult {

    /** These sessions are gone; their next request finds no session. */
    record Revoked(List<SessionSummary> sessions) implements RevokeSessionsResult {
        @Override
        public <R> R fold(Function<Revoked, R> revoked, Function<NoMatch, R> noMatch, Function<Ambiguous, R> ambiguous,
                          Function<InvalidHandle, R> invalidHandle) {
            return revoked.apply(this);
        }
    }

    /** No live session fits. */
    record NoMatch() implements RevokeSessionsResult {
        @Override
        public <R> R fold(Function<Revoked, R> revoked, Function<NoMatch, R> noMatch, Function<Ambiguous, R> ambiguous,
                          Function<InvalidHandle, R> invalidHandle) {
            return noMatch.apply(this);
        }
    }

    /** The handle prefix fits several sessions, listed so the administrator can give more of it; none was ended. */
    record Ambiguous(List<SessionSummary> candidates) implements RevokeSessionsResult {
        @Override
        public <R> R fold(Function<Revoked, R> revoked, Function<NoMatch, R> noMatch, Function<Ambiguous, R> ambiguous,
                          Function<InvalidHandle, R> invalidHandle) {
            return ambiguous.apply(this);
        }
    }

    /** The handle is not the start of one: too short, or not hexadecimal. */
    record InvalidHandle() implements RevokeSessionsResult {
        @Override
        public <R> R fold(Function<Revoked, R> revoked, Function<NoMatch, R> noMatch, Function<Ambiguous, R> ambiguous,
                          Function<InvalidHandle, R> invalidHandle) {
            return invalidHandle.apply(this);
        }
    }

    /** One function per case: a new case fails to compile wherever a revocation's outcome is handled. */
    <R> R fold(Function<Revoked, R> revoked, Function<NoMatch, R> noMatch, Function<Ambiguous, R> ambiguous,
               Function<InvalidHandle, R> invalidHandle);
}
