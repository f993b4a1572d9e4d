package dev.gatehouse.app;

import dev.gatehouse.adapter.cli.CoreOptions;
import dev.gatehouse.adapter.cli.CoreSettings;
import dev.gatehouse.adapter.cli.ExitCodes;
import dev.gatehouse.adapter.vertx.users.PasswordHashing;
import dev.gatehouse.domain.ThrottlePolicy;
import io.vertx.core.Vertx;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** {@code gatehouse serve}: runs the web server until the process is stopped. */
@Command(name = "serve", mixinStandardHelpOptions = true, description = "Run the web server (login, greeting, logout).")
final class ServeCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(ServeCommand.class);

    @Option(names = "--host", paramLabel = "HOST", defaultValue = ServerConfig.DEFAULT_HOST,
            description = "Address to listen on (default: ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "" + ServerConfig.DEFAULT_PORT,
            description = "Port to listen on; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int port;

    @Mixin
    CoreOptions options;

    @Option(names = "--hash-iterations", paramLabel = "N", defaultValue = "" + PasswordHashing.DEFAULT_ITERATIONS,
            description = "PBKDF2-HMAC-SHA512 iterations for new password hashes (default: ${DEFAULT-VALUE}, OWASP's figure).")
    int hashIterations;

    @Option(names = "--event-loops", paramLabel = "N", description = "HTTP event loops (default: one per CPU core).")
    int eventLoops = Runtime.getRuntime().availableProcessors();

    @Override
    public Integer call() throws InterruptedException {
        CoreSettings settings = options.settings();
        ServerConfig config = new ServerConfig(host, port, settings.dataDir(), settings.sessionPolicy(), ThrottlePolicy.DEFAULT,
                hashIterations, System.getenv("GATEHOUSE_SECRET"), System.getenv("GATEHOUSE_PREVIOUS_SECRETS"), Duration.ofMinutes(1), Clock.systemUTC());
        Vertx vertx = Vertx.vertx();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            vertx.close().toCompletionStage().toCompletableFuture().orTimeout(10, TimeUnit.SECONDS).exceptionally(e -> null).join();
            stopped.countDown();
        }, "gatehouse-shutdown"));
        try {
            Gatehouse.start(vertx, config, Math.max(1, eventLoops), System.out).toCompletionStage().toCompletableFuture().join();
        } catch (RuntimeException failure) {
            Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
            if (cause instanceof Secrets.Refused refused) {
                System.err.println("Gatehouse will not start: " + refused.getMessage());
            } else {
                System.err.println("Gatehouse could not start: " + cause.getMessage());
                LOG.debug("Start-up failed", cause);
            }
            vertx.close();
            return ExitCodes.UNAVAILABLE;
        }
        stopped.await();
        return ExitCodes.OK;
    }
}
