package dev.gatehouse.application;

import dev.gatehouse.domain.Password;
import dev.gatehouse.domain.PasswordBlocklist;

import java.util.concurrent.CompletableFuture;

/** Blocklists for the use cases: the real one (zxcvbn) is tested with the adapters. */
public final class FakeBlocklist {

    /** Blocks a password made of one word said again and again, like "passwordpassword". */
    public static final PasswordBlocklist REPEATS = password -> {
        String text = password.reveal();
        boolean repeated = text.length() >= 8 && text.replace(text.substring(0, 8), "").isEmpty();
        return CompletableFuture.completedFuture(repeated);
    };

    private FakeBlocklist() {
    }
}
