package dev.gatehouse.application.services;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Runs a test that needs Redis, PostgreSQL or redis-server only where they are. On a laptop
 * without them such a test is skipped with one line that says what is missing and how to get it;
 * with {@code LOCAL_SERVICES=required} (as CI runs) it always runs, and fails when they are missing.
 */
public final class LocalServices implements ExecutionCondition {

    /** The environment variable that turns a skip into a failure. */
    public static final String REQUIRED = "LOCAL_SERVICES";

    private static final Map<String, Boolean> ANSWERING = new ConcurrentHashMap<>();
    private static final Set<Needs.Service> SAID = ConcurrentHashMap.newKeySet();

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        Optional<Needs> needs = context.getElement().flatMap(element -> AnnotationSupport.findAnnotation(element, Needs.class));
        if (needs.isEmpty() || "required".equals(System.getenv(REQUIRED))) {
            return ConditionEvaluationResult.enabled("no local service is missing, or every one is required");
        }
        for (Needs.Service service : needs.get().value()) {
            if (!isThere(service)) {
                String what = service.description + ": " + service.remedy + " (or set " + REQUIRED + "=required to fail instead of skipping)";
                if (SAID.add(service)) {
                    // Once per missing service, on the build's console: a skip counted in a summary says nothing of why.
                    System.err.println("Skipping the tests that need " + what);
                }
                return ConditionEvaluationResult.disabled("needs " + what);
            }
        }
        return ConditionEvaluationResult.enabled("every local service it needs answers");
    }

    private static boolean isThere(Needs.Service service) {
        return ANSWERING.computeIfAbsent(service.name(), name -> switch (service) {
            case REDIS -> answers(System.getenv().getOrDefault("REDIS_URL", "redis://127.0.0.1:6379"), 6379);
            case POSTGRES -> answers(System.getenv().getOrDefault("PG_URL", "postgresql://postgres@127.0.0.1:5432/test"), 5432);
            case REDIS_SERVER_BINARY -> onPath("redis-server");
            case POSTGRES_SERVER_BINARY -> PostgresProcess.programs().isPresent();
            case TMUX -> onPath("tmux");
        });
    }

    /** Whether something accepts a connection at the URL's host and port, within a second. */
    private static boolean answers(String url, int defaultPort) {
        URI uri = URI.create(url);
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort() > 0 ? uri.getPort() : defaultPort), 1_000);
            return true;
        } catch (IOException | IllegalArgumentException unreachable) {
            return false;
        }
    }

    private static boolean onPath(String program) {
        for (String directory : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (java.nio.file.Files.isExecutable(java.nio.file.Path.of(directory, program))) {
                return true;
            }
        }
        return false;
    }
}
