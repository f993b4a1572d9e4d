package dev.gatehouse.domain.access;

import java.util.Optional;
import java.util.function.Function;

/**
 * What the rules say of one request by one user (or nobody): and which rule said it, or none when
 * it was the default policy.
 */
public sealed interface AccessDecision {

    Optional<AccessRule> rule();

    /** Let through. */
    record Allowed(Optional<AccessRule> rule) implements AccessDecision {
        @Override
        public <R> R fold(Function<Allowed, R> allowed, Function<LoginRequired, R> loginRequired, Function<SecondFactorRequired, R> secondFactor,
                          Function<Denied, R> denied) {
            return allowed.apply(this);
        }
    }

    /** Nobody is logged in, and a login may let the request through. */
    record LoginRequired(Optional<AccessRule> rule) implements AccessDecision {
        @Override
        public <R> R fold(Function<Allowed, R> allowed, Function<LoginRequired, R> loginRequired, Function<SecondFactorRequired, R> secondFactor,
                          Function<Denied, R> denied) {
            return loginRequired.apply(this);
        }
    }

    /** Logged in with one factor, and the rule asks for two: the second factor first (set up first, for a user without one). */
    record SecondFactorRequired(Optional<AccessRule> rule) implements AccessDecision {
        @Override
        public <R> R fold(Function<Allowed, R> allowed, Function<LoginRequired, R> loginRequired, Function<SecondFactorRequired, R> secondFactor,
                          Function<Denied, R> denied) {
            return secondFactor.apply(this);
        }
    }

    /** Refused; logging in (again) would not change it. */
    record Denied(Optional<AccessRule> rule) implements AccessDecision {
        @Override
        public <R> R fold(Function<Allowed, R> allowed, Function<LoginRequired, R> loginRequired, Function<SecondFactorRequired, R> secondFactor,
                          Function<Denied, R> denied) {
            return denied.apply(this);
        }
    }

    /** One function per case: a new case fails to compile wherever a decision is handled. */
    <R> R fold(Function<Allowed, R> allowed, Function<LoginRequired, R> loginRequired, Function<SecondFactorRequired, R> secondFactor,
               Function<Denied, R> denied);

    /** In words, for {@code gatehouse access check} and the audit log. */
    default String explanation() {
        String by = rule().map(AccessRule::toString).orElse("default policy");
        return fold(allowed -> "allowed by the " + by, login -> "login required by the " + by,
                secondFactor -> "second factor required by the " + by, denied -> "denied by the " + by);
    }
}
