package dev.gatehouse.application;

import dev.gatehouse.domain.AuditEvent;
import dev.gatehouse.domain.AuditLog;
import dev.gatehouse.domain.Username;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/** What the use cases that change an existing user share: the name as typed, and the answer of the directory. */
final class UserChanges {

    private UserChanges() {
    }

    /** Applies the change to the named user; a name no user can have is simply no such user. */
    static CompletionStage<UserChangeResult> apply(String typedUsername, Function<Username, CompletionStage<Boolean>> change,
                                                   AuditLog audit, AuditEvent.Kind kind) {
        Optional<Username> username = Username.parse(typedUsername);
        if (username.isEmpty()) {
            return CompletableFuture.completedFuture(new UserChangeResult.NoSuchUser());
        }
        return change.apply(username.get()).thenApply(changed -> outcome(changed, username.get(), audit, kind));
    }

    /** The result of a change the directory made (or found no user for), recorded when it was made. */
    static UserChangeResult outcome(boolean changed, Username username, AuditLog audit, AuditEvent.Kind kind) {
        if (!changed) {
            return new UserChangeResult.NoSuchUser();
        }
        audit.record(AuditEvent.ofUser(kind, username));
        return new UserChangeResult.Changed(username);
    }
}
