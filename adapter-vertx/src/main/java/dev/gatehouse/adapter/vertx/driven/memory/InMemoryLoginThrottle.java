package dev.gatehouse.adapter.vertx.driven.memory;

import dev.gatehouse.domain.LoginThrottle;
import dev.gatehouse.domain.ThrottlePolicy;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The embedded throttle: counters in this process, each changed atomically ({@code compute}), so
 * that any number of parallel attempts are admitted one by one. Per account: after the threshold
 * of consecutive failures, a back-off that doubles with each failure, and only one attempt at a
 * time once it has passed. Per client: a bucket of failed attempts that refills slowly. What is
 * idle is forgotten by {@link #forgetIdle}, which the composition root calls on a timer.
 */
public final class InMemoryLoginThrottle implements LoginThrottle {

    private static final CompletionStage<Admission> ALLOWED = CompletableFuture.completedFuture(new Admission.Allowed());
    private static final CompletionStage<Void> DONE = CompletableFuture.completedFuture(null);

    private final ThrottlePolicy policy;
    /** Back-offs by {@link Attempt#backoffKey()}: an account as strangers try it, or a known device. */
    private final ConcurrentHashMap<String, Account> accounts = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Client> clients = new ConcurrentHashMap<>();

    public InMemoryLoginThrottle(ThrottlePolicy policy) {
        this.policy = policy;
    }

    /** An account's consecutive failures, its attempts being checked now, and until when it backs off. */
    private record Account(int failures, int inFlight, Instant blockedUntil, Instant lastFailure) {
        static final Account NONE = new Account(0, 0, Instant.MIN, Instant.MIN);
    }

    /** A client's failed attempts still allowed (refilling over time) and its attempts being checked now. */
    private record Client(double allowance, Instant updatedAt, int inFlight) {
    }

    @Override
    public CompletionStage<Admission> admit(Attempt attempt, Instant now) {
        String account = attempt.backoffKey();
        String client = attempt.client();
        Duration[] wait = new Duration[1];
        accounts.compute(account, (name, current) -> {
            Account state = current == null ? Account.NONE : current;
            if (now.isBefore(state.blockedUntil())) {
                wait[0] = Duration.between(now, state.blockedUntil());
                return current;
            }
            // Below the threshold, as many at once as would still stay below it; past it, one at a time.
            if (state.failures() + state.inFlight() >= policy.accountThreshold() && state.inFlight() > 0) {
                wait[0] = policy.firstBackoff();
                return current;
            }
            return new Account(state.failures(), state.inFlight() + 1, state.blockedUntil(), state.lastFailure());
        });
        if (wait[0] != null) {
            return CompletableFuture.completedFuture(new Admission.Wait(wait[0]));
        }
        clients.compute(client, (key, current) -> {
            Client state = refilled(current, now);
            if (state.allowance() - state.inFlight() < 1) {
                double missing = 1 - (state.allowance() - state.inFlight());
                wait[0] = Duration.ofNanos((long) Math.ceil(missing * policy.clientRefill().toNanos()));
                return state;
            }
            return new Client(state.allowance(), state.updatedAt(), state.inFlight() + 1);
        });
        if (wait[0] != null) {
            accounts.computeIfPresent(account, (name, state) -> released(state));
            return CompletableFuture.completedFuture(new Admission.Wait(wait[0]));
        }
        return ALLOWED;
    }

    @Override
    public CompletionStage<Void> settle(Attempt attempt, Outcome outcome, Instant now) {
        String account = attempt.backoffKey();
        String client = attempt.client();
        accounts.computeIfPresent(account, (name, state) -> switch (outcome) {
            case SUCCEEDED -> state.inFlight() > 1 ? new Account(0, state.inFlight() - 1, Instant.MIN, state.lastFailure()) : null;
            case FAILED -> {
                int failures = state.failures() + 1;
                Duration backoff = policy.accountBackoff(failures);
                yield new Account(failures, state.inFlight() - 1, backoff.isZero() ? Instant.MIN : now.plus(backoff), now);
            }
            case NOT_CHECKED -> released(state);
        });
        clients.computeIfPresent(client, (key, current) -> {
            Client state = refilled(current, now);
            double spent = outcome == Outcome.FAILED ? 1 : 0;
            return new Client(state.allowance() - spent, state.updatedAt(), state.inFlight() - 1);
        });
        return DONE;
    }

    /** Forgets accounts with no failure for {@code forgetAfter} and clients whose allowance is whole again. */
    public void forgetIdle(Instant now) {
        accounts.values().removeIf(state -> state.inFlight() == 0 && !now.isBefore(state.blockedUntil())
                && !now.isBefore(state.lastFailure().plus(policy.forgetAfter())));
        clients.replaceAll((key, state) -> refilled(state, now));
        clients.values().removeIf(state -> state.inFlight() == 0 && state.allowance() >= policy.clientBurst());
    }

    /** How many accounts and clients are remembered, for tests and metrics. */
    public int size() {
        return accounts.size() + clients.size();
    }

    private Account released(Account state) {
        Account after = new Account(state.failures(), state.inFlight() - 1, state.blockedUntil(), state.lastFailure());
        return after.failures() == 0 && after.inFlight() == 0 ? null : after;
    }

    private Client refilled(Client state, Instant now) {
        if (state == null) {
            return new Client(policy.clientBurst(), now, 0);
        }
        if (!now.isAfter(state.updatedAt())) {
            return state;
        }
        double earned = (double) Duration.between(state.updatedAt(), now).toNanos() / policy.clientRefill().toNanos();
        return new Client(Math.min(policy.clientBurst(), state.allowance() + earned), now, state.inFlight());
    }
}
