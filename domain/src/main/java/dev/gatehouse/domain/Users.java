package dev.gatehouse.domain;

/**
 * The place users are kept, as the core sees it: it checks passwords, changes accounts, and
 * knows each user's credential version and profile. A use case that needs more than one of these gets this,
 * once, rather than the same directory under three names.
 */
public interface Users extends AuthenticationService, UserAccounts, CredentialVersions, UserProfiles {
}
