package dev.gatehouse.app.command;

import dev.gatehouse.app.config.AccessRulesFile;
import dev.gatehouse.app.config.PortalSettings;
import dev.gatehouse.app.config.ServerConfig;
import dev.gatehouse.domain.access.AccessRules;
import dev.gatehouse.app.config.CoreSettings;
import dev.gatehouse.app.wiring.Secrets;
import dev.gatehouse.app.Gatehouse;
import dev.gatehouse.app.wiring.Wiring;
import ch.qos.logback.classic.LoggerContext;
import dev.gatehouse.adapter.cli.CoreCalls;
import dev.gatehouse.adapter.cli.DurationConverter;
import dev.gatehouse.adapter.cli.ExitCodes;
import dev.gatehouse.adapter.cli.SizeConverter;
import dev.gatehouse.adapter.cli.TerminalText;
import dev.gatehouse.adapter.vertx.web.Brand;
import dev.gatehouse.adapter.vertx.web.HttpSettings;
import dev.gatehouse.adapter.vertx.web.TlsFiles;
import dev.gatehouse.domain.ThrottlePolicy;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/** {@code gatehouse serve}: runs the web server until the process is stopped. */
@Command(name = "serve", mixinStandardHelpOptions = true, description = "Run the web server (login, greeting, logout).",
        footerHeading = "%nExamples:%n", footer = {"  gatehouse serve", "  gatehouse serve --host 0.0.0.0 --port 8443 --tls-cert cert.pem --tls-key key.pem",
            "  gatehouse serve --session-store redis://127.0.0.1:6379 --data-dir /var/lib/gatehouse"})
public final class ServeCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(ServeCommand.class);
    /** How long SIGTERM may take: requests in flight get {@code WebVerticle.SHUTDOWN_GRACE} of it, the sessions' snapshot the rest. */
    private static final Duration STOP_BUDGET = Duration.ofSeconds(10);

    @Option(names = "--host", paramLabel = "HOST", defaultValue = ServerConfig.DEFAULT_HOST,
            description = "Address to listen on (default: ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "" + ServerConfig.DEFAULT_PORT,
            description = "Port to listen on; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int port;

    @Mixin
    CoreOptions options;

    @Option(names = "--max-form-body", paramLabel = "SIZE", converter = SizeConverter.class,
            defaultValue = "" + HttpSettings.DEFAULT_FORM_BODY_LIMIT,
            description = "The largest login or logout form body, in bytes (4k, ...); larger gets 413 (default: ${DEFAULT-VALUE}).")
    int maxFormBody;

    @Option(names = "--max-url", paramLabel = "SIZE", converter = SizeConverter.class, defaultValue = "" + HttpSettings.DEFAULT_MAX_URL_LENGTH,
            description = "The longest request line; longer gets 414 (default: ${DEFAULT-VALUE}).")
    int maxUrl;

    @Option(names = "--max-headers", paramLabel = "SIZE", converter = SizeConverter.class,
            defaultValue = "" + HttpSettings.DEFAULT_MAX_HEADER_SIZE,
            description = "The most header bytes a request may send; more gets 431 (default: ${DEFAULT-VALUE}).")
    int maxHeaders;

    @Option(names = "--max-form-fields", paramLabel = "N", defaultValue = "" + HttpSettings.DEFAULT_MAX_FORM_FIELDS,
            description = "The most fields a form or query may have; more gets 400 (default: ${DEFAULT-VALUE}).")
    int maxFormFields;

    @Option(names = "--connection-idle-timeout", paramLabel = "DURATION", converter = DurationConverter.class, defaultValue = "30s",
            description = "A connection that sends nothing for this long is closed, so slow clients cannot hold the server (default: ${DEFAULT-VALUE}).")
    Duration connectionIdleTimeout;

    @Option(names = "--metrics-port", paramLabel = "PORT", defaultValue = "off", converter = PortOrOff.class,
            description = "Serve Prometheus metrics at /metrics on this port, apart from the public listener (default: ${DEFAULT-VALUE}).")
    int metricsPort;

    /** A port number, or {@code off} (kept as -1: no listener). */
    static final class PortOrOff implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String text) {
            if (text.strip().equalsIgnoreCase("off") || text.strip().equals("-1")) {
                return -1;
            }
            try {
                int port = Integer.parseInt(text.strip());
                if (port >= 0 && port <= 65535) {
                    return port;
                }
            } catch (NumberFormatException notANumber) {
                // Said below, as for any other value that is not a port.
            }
            throw new TypeConversionException("'" + text + "' is not a port: use a number from 0 to 65535, or off");
        }
    }

    @Option(names = "--metrics-host", paramLabel = "HOST", defaultValue = "127.0.0.1",
            description = "Address of the metrics listener (default: ${DEFAULT-VALUE}, this machine only).")
    String metricsHost;

    @Option(names = "--trusted-proxy", paramLabel = "ADDRESS", split = ",",
            description = "A reverse proxy (repeatable, or comma-separated) whose X-Forwarded-For names the client, and which terminates TLS: "
                    + "the session cookie is then Secure whatever address the server listens on.")
    List<String> trustedProxies = new ArrayList<>();

    @Option(names = "--remember-me-lifetime", paramLabel = "DURATION", converter = DurationConverter.class, defaultValue = "30d",
            description = "How long a \"remember me\" login lasts from the login that asked for it (default: ${DEFAULT-VALUE}).")
    Duration rememberMeLifetime;

    @Option(names = "--tls-cert", paramLabel = "FILE",
            description = "Serve HTTPS with this certificate chain (PEM), with HSTS; needs --tls-key.")
    Path tlsCertificate;

    @Option(names = "--tls-key", paramLabel = "FILE", description = "The private key (PEM, PKCS#8 or PKCS#1) of --tls-cert.")
    Path tlsKey;

    @Option(names = "--access-log",
            description = "Log every request, one JSON line each on gatehouse.requests (method, path, status, ms, session handle).")
    boolean accessLog;

    @Option(names = "--brand-name", paramLabel = "NAME", defaultValue = "Gatehouse",
            description = "The product's name in the pages' titles (default: ${DEFAULT-VALUE}).")
    String brandName;

    @Option(names = "--brand-accent", paramLabel = "COLOUR",
            description = "The buttons' and links' colour, such as #2f5d8a; white text on it must meet WCAG AA (default: Gatehouse's blue).")
    String brandAccent;

    @Option(names = "--brand-logo", paramLabel = "FILE", description = "A logo (.png, .svg or .webp) shown above every page (default: none).")
    Path brandLogo;

    @Option(names = "--cookie-domain", paramLabel = "DOMAIN", split = ",",
            description = "Share the session cookie across this domain (repeatable, one per root domain), so that the forward-auth endpoints "
                    + "know the people who logged in at the portal when they visit app.DOMAIN; each needs a --portal-url under it.")
    List<String> cookieDomains = new ArrayList<>();

    @Option(names = "--portal-url", paramLabel = "URL", split = ",",
            description = "Where people reach Gatehouse's login pages for one cookie domain, such as https://auth.example.com "
                    + "(repeatable: one per --cookie-domain).")
    List<String> portalUrls = new ArrayList<>();

    @Option(names = "--access-rules", paramLabel = "FILE",
            description = "Who may pass the forward-auth endpoints to which site, in YAML: 'gatehouse access --help' shows the format "
                    + "(default: any logged-in user).")
    Path accessRules;

    @Option(names = "--h2c",
            description = "Also speak HTTP/2 without TLS (prior knowledge or Upgrade: h2c), for a proxy that does; the same limits apply (default: off).")
    boolean h2c;

    @Spec
    CommandSpec spec;


    @Option(names = "--event-loops", paramLabel = "N", description = "HTTP event loops (default: one per CPU core).")
    int eventLoops = Runtime.getRuntime().availableProcessors();

    /**
     * The settings as one typed configuration, wherever each value came from. Values that each
     * parse but do not fit together are refused here, one line naming the keys.
     */
    public ServerConfig config() {
        CoreSettings settings;
        HttpSettings http;
        AccessRules rules;
        try {
            settings = options.settings();
            http = new HttpSettings(host, port, maxFormBody, maxUrl, maxHeaders, maxFormFields, connectionIdleTimeout, accessLog,
                    Set.copyOf(trustedProxies)).withH2c(h2c)
                    .withBrand(new Brand(brandName, Optional.ofNullable(brandAccent), Optional.ofNullable(brandLogo)))
                    .withPortals(PortalSettings.pair(cookieDomains, portalUrls));
            rules = accessRules == null ? AccessRules.LOGGED_IN_USERS : AccessRulesFile.read(accessRules);
        } catch (IllegalArgumentException unusable) {
            throw new ParameterException(spec.commandLine(), "The settings are not usable: " + unusable.getMessage() + ".");
        }
        if ((tlsCertificate == null) != (tlsKey == null)) {
            throw new ParameterException(spec.commandLine(), "tls-cert and tls-key go together: HTTPS needs both the certificate and its key.");
        }
        if (tlsCertificate != null) {
            http = http.withTls(new TlsFiles(tlsCertificate, tlsKey));
        }
        if (!http.portals().isEmpty() && tlsCertificate == null && trustedProxies.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "cookie-domain needs HTTPS: the shared cookie is Secure. Serve it with --tls-cert and "
                    + "--tls-key, or behind the reverse proxy that ends TLS (--trusted-proxy).");
        }
        if (settings.sessionPolicy().idleTimeout().compareTo(settings.sessionPolicy().absoluteTimeout()) > 0) {
            throw new ParameterException(spec.commandLine(),
                    "idle-timeout is longer than absolute-timeout: a session would never end for being idle.");
        }
        if (rememberMeLifetime.isNegative() || rememberMeLifetime.isZero()) {
            throw new ParameterException(spec.commandLine(), "remember-me-lifetime must be longer than nothing.");
        }
        if (metricsPort >= 0 && metricsPort == port && port != 0) {
            throw new ParameterException(spec.commandLine(), "metrics-port is the same as port: metrics need a listener of their own.");
        }
        ConfigDefaults environment = ConfigDefaults.of(spec.commandLine());
        return new ServerConfig(http, settings.dataDir(), settings.sessionPolicy(), ThrottlePolicy.DEFAULT, settings.sessionStore(),
                settings.userDirectory(), settings.hashIterations(), environment.environment("GATEHOUSE_SECRET"),
                environment.environment("GATEHOUSE_PREVIOUS_SECRETS"),
                Duration.ofMinutes(1), Clock.systemUTC(), metricsHost, metricsPort, rememberMeLifetime, rules, settings.secondFactors());
    }

    /** Which address is taken, and the flag that moves Gatehouse off it. */
    static String addressInUse(ServerConfig config) {
        String listener = config.http().host() + ":" + config.http().port();
        String metrics = config.metricsPort() < 0 ? "" : " (or " + config.metricsHost() + ":" + config.metricsPort()
                + " for the metrics: --metrics-port)";
        return "cannot listen on " + listener + metrics + ": another program already listens there. Stop it, or choose another port with --port.";
    }

    @Override
    public Integer call() throws InterruptedException {
        ServerConfig config = config();
        Vertx vertx = Vertx.vertx();
        CountDownLatch stopped = new CountDownLatch(1);
        AtomicReference<Gatehouse.Running> running = new AtomicReference<>();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            // SIGTERM or Ctrl-C: stop listening, keep the embedded sessions for the next start, then close, within a bound.
            Gatehouse.Running server = running.get();
            Future<Void> stop = server == null ? Future.succeededFuture() : server.stop();
            stop.toCompletionStage().toCompletableFuture().orTimeout(STOP_BUDGET.toSeconds(), TimeUnit.SECONDS).exceptionally(failure -> {
                // Snapshots are written whole or not at all: the last one stands, and the journal ends again what was ended since.
                LOG.error("The stop took longer than {} s and was cut short ({}): the next start reads the snapshot of at most {} s ago",
                        STOP_BUDGET.toSeconds(), failure.getClass().getSimpleName(), Wiring.SNAPSHOT_INTERVAL.toSeconds());
                return null;
            }).join();
            // Closed from this thread, after the stop: a future chained inside Vert.x would complete on an event loop already gone.
            vertx.close().toCompletionStage().toCompletableFuture().orTimeout(5, TimeUnit.SECONDS).exceptionally(e -> null).join();
            // Last, the log: its queues (the audit trail above all) are written out before the process ends.
            if (LoggerFactory.getILoggerFactory() instanceof LoggerContext logs) {
                logs.stop();
            }
            stopped.countDown();
        }, "gatehouse-shutdown"));
        try {
            running.set(Gatehouse.start(vertx, config, Math.max(1, eventLoops), System.out).toCompletionStage().toCompletableFuture().join());
        } catch (RuntimeException failure) {
            Throwable cause = CoreCalls.rootOf(failure);
            if (cause instanceof Secrets.Refused refused) {
                spec.commandLine().getErr().println(TerminalText.problem("will not start: " + refused.getMessage()));
            } else if (String.valueOf(cause.getMessage()).contains("Address already in use")) {
                spec.commandLine().getErr().println(TerminalText.problem(addressInUse(config)));
            } else {
                spec.commandLine().getErr().println(TerminalText.problem("could not start: " + cause.getMessage()));
                LOG.debug("Start-up failed", cause);
            }
            vertx.close();
            return ExitCodes.UNAVAILABLE;
        }
        stopped.await();
        return ExitCodes.OK;
    }
}
