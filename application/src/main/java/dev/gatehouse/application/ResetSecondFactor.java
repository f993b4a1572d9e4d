package dev.gatehouse.application;

import dev.gatehouse.domain.AuditEvent;
import dev.gatehouse.domain.AuditLog;
import dev.gatehouse.domain.SecondFactorStore;

import java.util.concurrent.CompletionStage;

/**
 * An administrator helps a user who lost their phone and their recovery codes: the second factor
 * is forgotten, and as for a new password every session and remembered login of the user ends.
 * Their next login asks for the password alone (and, where a second factor is required, for a new
 * enrolment right after it).
 */
public final class ResetSecondFactor {

    private final SecondFactorStore store;
    private final AuditLog audit;

    public ResetSecondFactor(SecondFactorStore store, AuditLog audit) {
        this.store = store;
        this.audit = audit;
    }

    public CompletionStage<UserChangeResult> reset(String typedUsername) {
        return UserChanges.apply(typedUsername, store::reset, audit, AuditEvent.Kind.SECOND_FACTOR_RESET);
    }
}
