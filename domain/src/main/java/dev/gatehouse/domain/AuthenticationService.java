package dev.gatehouse.domain;

import java.util.concurrent.CompletionStage;

/**
 * Checks credentials against the users it knows. Implementations take the same time for an
 * unknown user as for a wrong password, and never check a password on a thread that serves I/O.
 */
public interface AuthenticationService {

    CompletionStage<Authentication> authenticate(Credentials credentials);
}
