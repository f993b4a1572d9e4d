package dev.gatehouse.application;

import dev.gatehouse.domain.SessionId;
import dev.gatehouse.domain.access.Resource;

import java.util.Objects;
import java.util.Optional;

/** A request a protecting proxy asks about: the session its cookie names, if any, and what it asks for. */
public record AuthorizeCommand(Optional<SessionId> sessionId, Resource resource) {

    public AuthorizeCommand {
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(resource, "resource");
    }
}
