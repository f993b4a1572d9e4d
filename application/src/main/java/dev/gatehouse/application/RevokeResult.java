package dev.gatehouse.application;

import dev.gatehouse.domain.SessionSummary;

import java.util.List;

/** How {@link RevokeSessions} ends. */
public sealed interface RevokeResult {

    /** These sessions are gone; their next request finds no session. */
    record Revoked(List<SessionSummary> sessions) implements RevokeResult {
    }

    /** No live session fits. */
    record NoMatch() implements RevokeResult {
    }

    /** The handle prefix fits several sessions, listed so the administrator can give more of it; none was ended. */
    record Ambiguous(List<SessionSummary> candidates) implements RevokeResult {
    }

    /** The handle is not the start of one: too short, or not hexadecimal. */
    record InvalidHandle() implements RevokeResult {
    }
}
