package dev.gatehouse.domain;

/** What an {@link AuthenticationService} concludes about a set of credentials. */
public sealed interface Authentication {

    /** The password is right for an active user, whose credentials are at this version (see {@link CredentialVersions}). */
    record Authenticated(Username username, long credentialVersion) implements Authentication {
    }

    /** Unknown user, wrong password or unusable account: deliberately one case, so no caller can tell them apart. */
    record Rejected() implements Authentication {
    }
}
