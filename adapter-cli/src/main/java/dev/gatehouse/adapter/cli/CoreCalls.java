package dev.gatehouse.adapter.cli;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/** How a command calls the core: it opens it, waits for each answer (it has nothing else to do), and reports a store it cannot use. */
final class CoreCalls {

    private CoreCalls() {
    }

    /** Opens the core, runs the work, closes the core; a failing store or file ends as {@link ExitCodes#UNAVAILABLE}. */
    static int withCore(TerminalCore.Access access, PrintWriter err, Function<TerminalCore, Integer> work) {
        try (TerminalCore core = access.open()) {
            return work.apply(core);
        } catch (CompletionException | UncheckedIOException | IllegalStateException failure) {
            Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
            err.println("A store Gatehouse needs is unavailable: " + TerminalText.escape(String.valueOf(cause.getMessage())));
            return ExitCodes.UNAVAILABLE;
        }
    }

    static <T> T await(CompletionStage<T> stage) {
        return stage.toCompletableFuture().join();
    }
}
