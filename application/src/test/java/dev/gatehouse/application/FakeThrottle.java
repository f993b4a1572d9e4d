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
final class FakeThrottle implements LoginThrottle {

    Duration wait;
    final List<String> settled = new ArrayList<>();

    @Override
    public CompletionStage<Admission> admit(Username account, String client, Instant now) {
        return CompletableFuture.completedFuture(wait == null ? new Admission.Allowed() : new Admission.Wait(wait));
    }

    @Override
    public CompletionStage<Void> settle(Username account, String client, Outcome outcome, Instant now) {
        settled.add(account.value() + " from " + client + ": " + outcome);
        return CompletableFuture.completedFuture(null);
    }
}
