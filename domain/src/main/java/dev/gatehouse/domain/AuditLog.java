package dev.gatehouse.domain;

/**
 * Where the use cases record what happened to logins, sessions and users (S23), one event at a
 * time. Recording never blocks and never fails the caller.
 */
public interface AuditLog {

    void record(AuditEvent event);

    /** A log that keeps nothing, for tools that have no audit trail to write. */
    AuditLog NONE = event -> { };
}
