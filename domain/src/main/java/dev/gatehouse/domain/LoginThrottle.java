package dev.gatehouse.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletionStage;

/**
 * Slows down password guessing (S16): a back-off per account, whoever tries, and a limit per
 * client, whatever accounts it tries. An attempt is admitted before its password is checked and
 * counted at once, so attempts made in parallel can never exceed the limits; every admitted
 * attempt is then settled with its outcome. Unknown accounts are throttled exactly like known
 * ones, so the throttle says nothing about which accounts exist.
 */
public interface LoginThrottle {

    CompletionStage<Admission> admit(Username account, String client, Instant now);

    CompletionStage<Void> settle(Username account, String client, Outcome outcome, Instant now);

    /** Whether a password may be checked now. */
    sealed interface Admission {
        record Allowed() implements Admission {
        }

        /** Not before {@code retryAfter} has passed; the password is not checked. */
        record Wait(Duration retryAfter) implements Admission {
        }
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
