package dev.gatehouse.domain;

import java.util.concurrent.CompletionStage;

/**
 * Passwords that are long enough but still easy to guess (S17): common passwords, and the
 * repeated, sequential and keyboard patterns that guessing tools try first. Checked for every new
 * password; never for logins.
 */
public interface PasswordBlocklist {

    CompletionStage<Boolean> blocks(Password password);
}
