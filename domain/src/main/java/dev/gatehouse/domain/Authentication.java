package dev.gatehouse.domain;

import java.util.function.Function;

/** What an {@link AuthenticationService} concludes about a set of credentials. */
public sealed interface Authentication {

    /** The password is right for an active user, whose credentials are at this version (see {@link CredentialVersions}). */
    record Authenticated(Username username, long credentialVersion) implements Authentication {
        @Override
        public <R> R fold(Function<Authenticated, R> authenticated, Function<Rejected, R> rejected) {
            return authenticated.apply(this);
        }
    }

    /** Unknown user, wrong password or unusable account: deliberately one case, so no caller can tell them apart. */
    record Rejected() implements Authentication {
        @Override
        public <R> R fold(Function<Authenticated, R> authenticated, Function<Rejected, R> rejected) {
            return rejected.apply(this);
        }
    }

    /** One function per case: a new case fails to compile wherever a password check is answered, rather than pass as one of these. */
    <R> R fold(Function<Authenticated, R> authenticated, Function<Rejected, R> rejected);
}
