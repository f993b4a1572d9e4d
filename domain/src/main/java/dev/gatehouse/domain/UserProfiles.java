package dev.gatehouse.domain;

import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * What access rules and protected applications know of each user: groups, display name, e-mail
 * address. Asked on every request a protecting proxy forwards, so implementations answer from
 * memory, as {@link CredentialVersions} does, and a change counts everywhere within a second.
 */
public interface UserProfiles {

    /** The user's profile; empty when the user is gone or disabled. */
    CompletionStage<Optional<UserProfile>> profile(Username user);
}
