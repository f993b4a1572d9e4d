package dev.gatehouse.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.concurrent.CompletionStage;

/**
 * Slows down password guessing (S16): a back-off per account, for clients it does not know, and
 * a limit per client, whatever accounts it tries. A browser (or terminal) that has logged in as
 * the account before has a back-off of its own instead (OWASP's device cookies): a stranger's
 * failures lock out strangers, never the account's own devices. An attempt is admitted before its password is checked and
 * counted at once, so attempts made in parallel can never exceed the limits; every admitted
 * attempt is then settled with its outcome. Unknown accounts are throttled exactly like known
 * ones, so the throttle says nothing about which accounts exist.
 */
public interface LoginThrottle {

    CompletionStage<Admission> admit(Attempt attempt, Instant now);

    CompletionStage<Void> settle(Attempt attempt, Outcome outcome, Instant now);

    /**
     * Who is trying: the account, from which client, and through which known device, if any.
     *
     * @param device the id of a device that has logged in as this account before (proven by a
     *               signed token); its failures count for it alone, and it backs off on its own
     */
    record Attempt(Username account, String client, Optional<String> device) {

        public Attempt {
            Objects.requireNonNull(account, "account");
            Objects.requireNonNull(client, "client");
            Objects.requireNonNull(device, "device");
        }

        /** From a device the account has not logged in from before. */
        public static Attempt byStranger(Username account, String client) {
            return new Attempt(account, client, Optional.empty());
        }

        /**
         * What the back-off is counted under: the device, or else the account as strangers try it.
         * A device id is random, so it can never be taken for an account's name.
         */
        public String backoffKey() {
            return device.map(id -> "device:" + id).orElseGet(() -> "account:" + account.value());
        }
    }

    /** Whether a password may be checked now. */
    sealed interface Admission {
        record Allowed() implements Admission {
            @Override
            public <R> R fold(Function<Allowed, R> allowed, Function<Wait, R> wait) {
                return allowed.apply(this);
            }
        }

        /** Not before {@code retryAfter} has passed; the password is not checked. */
        record Wait(Duration retryAfter) implements Admission {
            @Override
            public <R> R fold(Function<Allowed, R> allowed, Function<Wait, R> wait) {
                return wait.apply(this);
            }
        }

        /** One function per case: a new kind of refusal fails to compile where it would otherwise be let through. */
        <R> R fold(Function<Allowed, R> allowed, Function<Wait, R> wait);
    }

    enum Outcome {
        /** The password was right: the account's failures are forgotten and the client's attempt given back. */
        SUCCEEDED,
        /** The password was wrong: it counts for the account and for the client. */
        FAILED,
        /** The check could not be made (a store was down): the attempt is given back and counts for nothing. */
        NOT_CHECKED
    }
}
