package dev.gatehouse.application;

import dev.gatehouse.domain.LoginThrottle;
import dev.gatehouse.domain.Username;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** A throttle that admits everything unless told to make callers wait, and records how attempts were settled. */
public final class FakeThrottle implements LoginThrottle {

    public volatile Duration wait;
    final List<String> settled = new ArrayList<>();

    /** The attempts admitted, as they came. */
    final List<Attempt> admitted = new ArrayList<>();

    @Override
    public CompletionStage<Admission> admit(Attempt attempt, Instant now) {
        admitted.add(attempt);
        return CompletableFuture.completedFuture(wait == null ? new Admission.Allowed() : new Admission.Wait(wait));
    }

    @Override
    public CompletionStage<Void> settle(Attempt attempt, Outcome outcome, Instant now) {
        settled.add(attempt.account().value() + " from " + attempt.client() + ": " + outcome);
        return CompletableFuture.completedFuture(null);
    }
}
