package dev.gatehouse.adapter.vertx.http;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.healthchecks.HealthChecks;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.healthchecks.HealthCheckHandler;

import java.util.concurrent.TimeUnit;

/**
 * The HTTP adapter: the tutorial's routes ({@code /}, {@code /home}, {@code /login},
 * {@code /logout}) plus the stylesheet, with the limits and headers a real deployment needs.
 * One instance per event loop; they share the use cases, which are thread-safe.
 */
public final class WebVerticle extends VerticleBase {

    private static final String FORM = "application/x-www-form-urlencoded";

    private final HttpSettings settings;
    private final WebUseCases useCases;
    private final SessionCookie cookie;
    private final Health health;
    private HttpServer server;

    private final Handler<RoutingContext> observer;

    /** @param observer runs first on every request (the metrics' timer) */
    public WebVerticle(HttpSettings settings, WebUseCases useCases, SessionCookie cookie, Health health,
                       Handler<RoutingContext> observer) {
        this.settings = settings;
        this.useCases = useCases;
        this.cookie = cookie;
        this.health = health;
        this.observer = observer;
    }

    /**
     * What the health endpoints report: {@code live} that the process answers, {@code ready} that
     * the stores it needs answer too. Neither reads a cookie, so probes make no session, count
     * towards no throttle and write no audit line.
     */
    public record Health(HealthChecks live, HealthChecks ready) {
    }

    @Override
    public Future<?> start() {
        HttpServerOptions options = new HttpServerOptions()
                .setHost(settings.host())
                .setPort(settings.port())
                .setMaxInitialLineLength(settings.maxUrlLength())
                .setMaxHeaderSize(settings.maxHeaderSize())
                .setMaxFormAttributeSize(settings.formBodyLimit())
                .setIdleTimeout((int) settings.idleTimeout().toMillis())
                .setIdleTimeoutUnit(TimeUnit.MILLISECONDS);
        settings.tls().ifPresent(files -> options.setSsl(true).setKeyCertOptions(new PemKeyCertOptions()
                .setCertPath(files.certificate().toString()).setKeyPath(files.key().toString())));
        server = vertx.createHttpServer(options).requestHandler(router());
        return server.listen();
    }

    /** The port actually bound: the configured one, or the free one picked for port 0. */
    public int actualPort() {
        return server.actualPort();
    }

    private Router router() {
        Views views = new Views();
        RememberMeCookie remember = new RememberMeCookie(useCases.rememberMe(), cookie, settings.trustedProxies());
        GreetingPages greetings = new GreetingPages(useCases.greet(), cookie, views, remember);
        LoginForms login = new LoginForms(useCases.openLoginForm(), useCases.logIn(), cookie, views, settings.maxFormFields(),
                settings.trustedProxies(), remember);
        LogoutForms logout = new LogoutForms(useCases.logOut(), cookie, views, settings.maxFormFields(), remember);
        PreferenceForms preferences = new PreferenceForms(useCases.savePreference(), cookie, views, settings.maxFormFields());
        SessionPages sessions = new SessionPages(useCases.listOwnSessions(), useCases.endOwnSessions(), cookie, views,
                settings.maxFormFields(), remember);
        PasswordForms password = new PasswordForms(useCases.greet(), useCases.changeOwnPassword(), cookie, views, settings.maxFormFields(),
                settings.trustedProxies(), remember);
        SessionApi api = new SessionApi(useCases, cookie, settings.trustedProxies(), remember);
        BodyHandler formBody = BodyHandler.create(false).setBodyLimit(settings.formBodyLimit());

        Router router = Router.router(vertx);
        router.route().handler(observer);
        if (settings.accessLog()) {
            router.route().handler(new RequestLog(cookie));
        }
        router.get("/health/live").handler(HealthCheckHandler.createWithHealthChecks(health.live()));
        router.get("/health/ready").handler(HealthCheckHandler.createWithHealthChecks(health.ready()));
        router.route().handler(new SecurityHeaders(settings.trustedProxies()));
        router.get("/").handler(greetings::index);
        router.get("/home").handler(greetings::home);
        router.get("/login").handler(login::show);
        router.get("/logout").handler(greetings::confirmLogout);
        router.get("/password").handler(password::show);
        router.get("/sessions").handler(sessions::show);
        // Every state-changing request is checked for a cross-site origin first, before its body is read.
        router.post("/login").handler(new CrossSiteGuard());
        router.post("/logout").handler(new CrossSiteGuard());
        router.post("/password").handler(new CrossSiteGuard());
        router.post("/sessions/end").handler(new CrossSiteGuard());
        router.post("/home/preferences").handler(new CrossSiteGuard());
        router.post("/login").consumes(FORM).handler(formBody).handler(login::submit);
        router.post("/logout").consumes(FORM).handler(formBody).handler(logout::submit);
        router.post("/password").consumes(FORM).handler(formBody).handler(password::submit);
        router.post("/sessions/end").consumes(FORM).handler(formBody).handler(sessions::end);
        router.post("/home/preferences").consumes(FORM).handler(formBody).handler(preferences::submit);
        router.get(BundledFile.STYLESHEET_PATH).handler(BundledFile.stylesheet());
        // The JSON API: the same checks, bodies only as JSON, and the CSRF token in a header.
        router.post("/api/session").handler(new CrossSiteGuard());
        router.delete("/api/session").handler(new CrossSiteGuard());
        router.post("/api/session").consumes(SessionApi.JSON).handler(formBody).handler(api::logIn);
        router.get("/api/session").handler(api::whoAmI);
        router.delete("/api/session").handler(api::logOut);
        router.get("/api/sessions").handler(api::sessions);
        router.get(BundledFile.OPENAPI_PATH).handler(BundledFile.openApi());
        ErrorPages.register(router, views);
        return router;
    }
}
