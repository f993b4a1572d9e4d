package dev.gatehouse.adapter.vertx.driven;

import dev.gatehouse.domain.Users;

import java.util.concurrent.CompletionStage;

/** A place users are kept (the users file, PostgreSQL): the three ports it serves, and a way to see others' changes. */
public interface UserDirectory extends Users {

    /** Reads the users' state again, so that changes made by other processes count here; the composition root calls it every second. */
    CompletionStage<Void> refresh();
}
