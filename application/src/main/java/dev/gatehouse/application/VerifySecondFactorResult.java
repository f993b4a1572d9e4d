package dev.gatehouse.application;

import java.time.Duration;
import java.util.function.Function;

/** How checking a second factor ends. */
public sealed interface VerifySecondFactorResult {

    /** Right; {@code recoveryCodesLeft} so that the user can be told when they run low. */
    record Accepted(SecondFactorMethod method, int recoveryCodesLeft) implements VerifySecondFactorResult {
        @Override
        public <R> R fold(Function<Accepted, R> accepted, Function<Wrong, R> wrong, Function<Throttled, R> throttled,
                          Function<NotEnrolled, R> notEnrolled) {
            return accepted.apply(this);
        }
    }

    /** Wrong, used already, or from another time: the user is told only that it is not right. */
    record Wrong() implements VerifySecondFactorResult {
        public static final String MESSAGE = "That code is not right. Try the code your app shows now, or a recovery code.";

        @Override
        public <R> R fold(Function<Accepted, R> accepted, Function<Wrong, R> wrong, Function<Throttled, R> throttled,
                          Function<NotEnrolled, R> notEnrolled) {
            return wrong.apply(this);
        }
    }

    /** Too many wrong codes: wait, as after wrong passwords. */
    record Throttled(Duration retryAfter) implements VerifySecondFactorResult {
        @Override
        public <R> R fold(Function<Accepted, R> accepted, Function<Wrong, R> wrong, Function<Throttled, R> throttled,
                          Function<NotEnrolled, R> notEnrolled) {
            return throttled.apply(this);
        }
    }

    /** The user has no second factor (or no longer exists): nothing to check. */
    record NotEnrolled() implements VerifySecondFactorResult {
        @Override
        public <R> R fold(Function<Accepted, R> accepted, Function<Wrong, R> wrong, Function<Throttled, R> throttled,
                          Function<NotEnrolled, R> notEnrolled) {
            return notEnrolled.apply(this);
        }
    }

    /** One function per case: a new case fails to compile wherever the answer is given. */
    <R> R fold(Function<Accepted, R> accepted, Function<Wrong, R> wrong, Function<Throttled, R> throttled, Function<NotEnrolled, R> notEnrolled);
}
