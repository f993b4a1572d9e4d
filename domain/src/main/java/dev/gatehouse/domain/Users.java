package dev.gatehouse.domain;

/**
 * The place users are kept, as the core sees it: it checks passwords, changes accounts, and
 * knows each user's credential version, profile and second factors. A use case that needs more
 * than one of these gets this, once, rather than the same directory under several names.
 */
public interface Users extends AuthenticationService, UserAccounts, CredentialVersions, UserProfiles, SecondFactorStore {
}
