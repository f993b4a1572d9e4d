package dev.gatehouse.application;

import dev.gatehouse.domain.SessionEnd;
import dev.gatehouse.domain.UserProfile;
import dev.gatehouse.domain.access.AccessDecision;

import java.util.Optional;
import java.util.function.Function;

/** What {@link Authorize} answers a protecting proxy. */
public sealed interface AuthorizeResult {

    /** Let through; {@code user} is who is logged in, for the identity headers (none for a bypass rule's anonymous visitor). */
    record Allowed(Optional<UserProfile> user, AccessDecision decision) implements AuthorizeResult {
        @Override
        public <R> R fold(Function<Allowed, R> allowed, Function<LoginRequired, R> loginRequired, Function<SecondFactorRequired, R> secondFactor,
                          Function<Denied, R> denied) {
            return allowed.apply(this);
        }
    }

    /** Nobody is logged in: to the login page. {@code sessionEnded} says why when the request's session has just ended. */
    record LoginRequired(Optional<SessionEnd> sessionEnded, AccessDecision decision) implements AuthorizeResult {
        @Override
        public <R> R fold(Function<Allowed, R> allowed, Function<LoginRequired, R> loginRequired, Function<SecondFactorRequired, R> secondFactor,
                          Function<Denied, R> denied) {
            return loginRequired.apply(this);
        }
    }

    /** Logged in with one factor where a rule asks for two: to the code step (or to setting up a second factor), and back. */
    record SecondFactorRequired(Optional<UserProfile> user, AccessDecision decision) implements AuthorizeResult {
        @Override
        public <R> R fold(Function<Allowed, R> allowed, Function<LoginRequired, R> loginRequired, Function<SecondFactorRequired, R> secondFactor,
                          Function<Denied, R> denied) {
            return secondFactor.apply(this);
        }
    }

    /** Refused, and logging in again would not change it: 403, never a redirect (which would loop). */
    record Denied(Optional<UserProfile> user, AccessDecision decision) implements AuthorizeResult {
        @Override
        public <R> R fold(Function<Allowed, R> allowed, Function<LoginRequired, R> loginRequired, Function<SecondFactorRequired, R> secondFactor,
                          Function<Denied, R> denied) {
            return denied.apply(this);
        }
    }

    /** One function per case: a new case fails to compile wherever an answer is sent. */
    <R> R fold(Function<Allowed, R> allowed, Function<LoginRequired, R> loginRequired, Function<SecondFactorRequired, R> secondFactor,
               Function<Denied, R> denied);
}
