package dev.gatehouse.application;

import dev.gatehouse.domain.Password;
import dev.gatehouse.domain.PasswordBlocklist;
import dev.gatehouse.domain.PasswordPolicy;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** What the use cases that set a password share: the policy's length rules, then the blocklist. */
final class NewPasswords {

    private NewPasswords() {
    }

    static CompletionStage<Optional<PasswordPolicy.Problem>> problemWith(Password password, PasswordBlocklist blocklist) {
        Optional<PasswordPolicy.Problem> problem = PasswordPolicy.problemWith(password);
        if (problem.isPresent()) {
            return CompletableFuture.completedFuture(problem);
        }
        return blocklist.blocks(password).thenApply(blocked -> blocked ? Optional.of(PasswordPolicy.Problem.COMMON) : Optional.empty());
    }
}
