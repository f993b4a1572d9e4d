package dev.gatehouse.adapter.vertx.driven;

import dev.gatehouse.domain.AuthenticationService;
import dev.gatehouse.domain.CredentialVersions;
import dev.gatehouse.domain.UserAccounts;

import java.util.concurrent.CompletionStage;

/** A place users are kept (the users file, PostgreSQL): the three ports it serves, and a way to see others' changes. */
public interface UserDirectory extends AuthenticationService, UserAccounts, CredentialVersions {

    /** Reads the users' state again, so that changes made by other processes count here; the composition root calls it every second. */
    CompletionStage<Void> refresh();
}
