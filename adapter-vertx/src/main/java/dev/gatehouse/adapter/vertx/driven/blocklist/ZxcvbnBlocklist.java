package dev.gatehouse.adapter.vertx.driven.blocklist;

import com.nulabinc.zxcvbn.Zxcvbn;
import dev.gatehouse.domain.Password;
import dev.gatehouse.domain.PasswordBlocklist;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

/**
 * The password blocklist (S17) through zxcvbn4j, which knows some 30,000 common passwords and the
 * patterns guessing tools try first (repeats, sequences, keyboard walks, dates, l33t spellings). A
 * password is blocked when zxcvbn estimates it falls within a million guesses (its score 0 or 1):
 * "passwordpassword", "123456789012345" and "qwertyuiopasdfgh" are; a few unrelated words are not.
 * That is a list and pattern check, not a composition rule. It takes milliseconds, so it runs on
 * the executor it is given, never on an event loop.
 */
public final class ZxcvbnBlocklist implements PasswordBlocklist {

    /** zxcvbn's time grows with the square of the length; a password this long is not a common one anyway. */
    private static final int LONGEST_CHECKED = 256;
    private static final int HIGHEST_BLOCKED_SCORE = 1;

    private final Zxcvbn zxcvbn = new Zxcvbn();
    private final Executor executor;

    public ZxcvbnBlocklist(Executor executor) {
        this.executor = executor;
    }

    @Override
    public CompletionStage<Boolean> blocks(Password password) {
        String text = password.reveal();
        return CompletableFuture.supplyAsync(() ->
                text.length() <= LONGEST_CHECKED && zxcvbn.measure(text).getScore() <= HIGHEST_BLOCKED_SCORE, executor);
    }
}
