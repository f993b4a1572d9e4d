package dev.gatehouse.adapter.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.function.Supplier;

/** How a command calls the core: it opens it, waits for each answer (it has nothing else to do), and reports a store it cannot use. */
public final class CoreCalls {

    private CoreCalls() {
    }

    /** Opens the core, runs the work, closes the core; a failing store or file ends as {@link ExitCodes#UNAVAILABLE}. */
    static int withCore(Supplier<TerminalCore> opener, PrintWriter err, Function<TerminalCore, Integer> work) {
        try (TerminalCore core = opener.get()) {
            return work.apply(core);
        } catch (CompletionException | UncheckedIOException | IllegalStateException failure) {
            Throwable cause = rootOf(failure);
            // A file of ours that cannot be read says itself what is wrong and what to do; anything else is a store out of reach.
            String what = cause instanceof IOException ? "" : "a store Gatehouse needs is unavailable: ";
            err.println(TerminalText.problem(what + TerminalText.escape(String.valueOf(cause.getMessage()))));
            return ExitCodes.UNAVAILABLE;
        }
    }

    /** The first cause in the chain that says something of its own (wrappers repeat their cause's class and message). */
    public static Throwable rootOf(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }

    static <T> T await(CompletionStage<T> stage) {
        return stage.toCompletableFuture().join();
    }
}
