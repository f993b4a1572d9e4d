package dev.gatehouse.adapter.vertx.web;

import dev.gatehouse.domain.LocalPath;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.healthchecks.HealthChecks;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.healthchecks.HealthCheckHandler;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Gatehouse's routes, ready to put on a {@link Router}: all of them on a router of its own (the
 * {@code gatehouse serve} server), or the login, logout, password, sessions and API routes on an
 * application's existing router ({@link #mountOn}), next to the application's routes and without
 * touching them. {@link #requireLogin()} then guards the application's own routes, and
 * {@link GatehouseSession#of} gives their handlers the user and the session's data.
 */
public final class GatehouseRoutes {

    /** The accent colour's stylesheet, served when a brand sets one. */
    public static final String BRAND_STYLESHEET_PATH = "/static/brand.css";

    private static final String FORM = "application/x-www-form-urlencoded";
    static final String FORWARD_AUTH_NGINX = "/auth/request";
    static final String FORWARD_AUTH = "/auth/forward";
    /** The paths {@link #mountOn} adds to an application's router; each carries Gatehouse's headers and error pages, and only those. */
    static final List<String> EMBEDDED_PATHS = List.of("/login", SecondFactorForms.PATH, SecondFactorForms.ENROL, "/logout", TwoFactorForms.PATH,
            TwoFactorForms.SETUP, TwoFactorForms.CONFIRM, TwoFactorForms.RECOVERY_CODES, TwoFactorForms.REMOVE, TwoFactorForms.RECHECK_PATH,
            TwoFactorForms.PASSKEY_RENAME, TwoFactorForms.PASSKEY_REMOVE, PasskeyApi.ADD_OPTIONS, PasskeyApi.ADD, PasskeyApi.LOGIN_OPTIONS,
            PasskeyApi.LOGIN, BundledFile.PASSKEYS_SCRIPT_PATH, "/password", "/sessions", "/sessions/end", "/sessions/untrust", "/api/session",
            "/api/session/second-factor", "/api/sessions", FORWARD_AUTH_NGINX, FORWARD_AUTH, BundledFile.OPENAPI_PATH, BundledFile.STYLESHEET_PATH, BundledFile.SCRIPT_PATH, BRAND_STYLESHEET_PATH, "/static/logo.png",
            "/static/logo.svg", "/static/logo.webp");

    private final HttpSettings settings;
    private final WebUseCases useCases;
    private final SessionCookie cookie;
    private final Views views;
    private final RememberMeCookie remember;
    private final RequestIdentity identity;
    private final FlashRedirects flash;
    private final GreetingPages greetings;
    private final LoginForms login;
    private final SecondFactorForms secondFactor;
    private final TwoFactorForms twoFactor;
    private final PasskeyApi passkeys;
    private final LogoutForms logout;
    private final PreferenceForms preferences;
    private final SessionPages sessions;
    private final PasswordForms password;
    private final SessionApi api;
    private final ForwardAuth forwardAuth;
    private final BodyHandler formBody;

    public GatehouseRoutes(HttpSettings settings, WebUseCases useCases, SessionCookie cookie) {
        this.settings = settings;
        this.views = new Views(settings.brand());
        this.useCases = useCases;
        this.cookie = cookie;
        this.remember = new RememberMeCookie(useCases.rememberMe(), cookie, settings.trustedProxies());
        this.flash = new FlashRedirects(cookie);
        DeviceCookie device = new DeviceCookie(cookie);
        TrustCookie trust = new TrustCookie(cookie);
        RequestIdentity identity = new RequestIdentity(useCases.identify(), cookie, remember, trust, settings.trustedProxies());
        this.identity = identity;
        this.greetings = new GreetingPages(identity, cookie, views, flash);
        this.login = new LoginForms(useCases.openLoginForm(), useCases.logIn(), cookie, views, settings.maxFormFields(),
                settings.trustedProxies(), remember, flash, device, trust);
        this.secondFactor = new SecondFactorForms(useCases.completeLogin(), cookie, views, settings.maxFormFields(), settings.trustedProxies(),
                remember, flash, device, trust, settings.brand().name());
        this.twoFactor = new TwoFactorForms(identity, useCases, cookie, views, settings.maxFormFields(), settings.trustedProxies(), flash,
                settings.brand().name());
        this.passkeys = new PasskeyApi(identity, useCases, cookie, settings.trustedProxies(), device, flash);
        this.logout = new LogoutForms(useCases.logOut(), cookie, views, settings.maxFormFields(), remember, flash);
        this.preferences = new PreferenceForms(useCases.savePreference(), cookie, views, settings.maxFormFields());
        this.sessions = new SessionPages(identity, useCases.listOwnSessions(), useCases.endOwnSessions(), useCases.manageSecondFactors(), cookie, views,
                settings.maxFormFields(),
                useCases.clock());
        this.password = new PasswordForms(identity, useCases.greet(), useCases.changeOwnPassword(), cookie, views, settings.maxFormFields(),
                settings.trustedProxies(), flash);
        this.api = new SessionApi(identity, useCases, cookie, settings.trustedProxies(), remember, device, trust);
        this.forwardAuth = new ForwardAuth(useCases.authorize(), cookie, settings.portals(), settings.trustedProxies(), views);
        this.formBody = BodyHandler.create(false).setBodyLimit(settings.formBodyLimit());
    }

    /**
     * What {@code gatehouse serve} answers: every route, the tutorial's {@code /} and {@code /home}
     * included, with the security headers and error pages on the whole router.
     *
     * @param observer runs first on every request (the metrics' timer)
     * @return the server's request handler: the {@link RequestGate} in front of the router
     */
    RequestGate mountStandalone(Router router, HealthChecks live, HealthChecks ready, Handler<RoutingContext> observer) {
        SecurityHeaders headers = new SecurityHeaders(settings.trustedProxies(), settings.portals().stream().map(Portal::domain).toList());
        router.route().handler(observer);
        if (settings.accessLog()) {
            router.route().handler(new RequestLog(cookie));
        }
        router.route().handler(headers);
        addForwardAuth(router);
        get(router, "/health/live").handler(HealthCheckHandler.createWithHealthChecks(live));
        get(router, "/health/ready").handler(HealthCheckHandler.createWithHealthChecks(ready));
        views.withTutorialPages();
        get(router, "/").handler(greetings::index);
        get(router, "/home").handler(greetings::home);
        router.post("/home/preferences").handler(new CrossSiteGuard());
        router.post("/home/preferences").consumes(FORM).handler(formBody).handler(preferences::submit);
        addRoutes(router);
        ErrorPages.register(router, views);
        return new RequestGate(router, settings.maxUrlLength(), headers, views);
    }

    /**
     * Adds the login, logout, password, sessions and JSON API routes (and the stylesheet their
     * pages use) to an application's router. Only those paths get Gatehouse's security headers and
     * error pages; the application's routes, its {@code /} and its error handling stay its own.
     * After login the visitor goes to the {@code next} path or {@code /}, after logout to {@code /}.
     */
    public void mountOn(Router router) {
        SecurityHeaders headers = new SecurityHeaders(settings.trustedProxies(), settings.portals().stream().map(Portal::domain).toList());
        Handler<RoutingContext> failures = ErrorPages.failureHandler(router, views);
        for (String path : EMBEDDED_PATHS) {
            router.route(path).handler(headers).failureHandler(failures);
        }
        addForwardAuth(router);
        addRoutes(router);
    }

    private void addRoutes(Router router) {
        get(router, "/login").handler(login::show);
        get(router, SecondFactorForms.PATH).handler(secondFactor::show);
        get(router, "/logout").handler(greetings::confirmLogout);
        get(router, "/password").handler(password::show);
        get(router, "/sessions").handler(sessions::show);
        get(router, TwoFactorForms.PATH).handler(twoFactor::show);
        // Every state-changing request is checked for a cross-site origin first, before its body is read.
        router.post("/login").handler(new CrossSiteGuard());
        router.post(SecondFactorForms.PATH).handler(new CrossSiteGuard());
        router.post(SecondFactorForms.ENROL).handler(new CrossSiteGuard());
        router.post("/logout").handler(new CrossSiteGuard());
        router.post("/password").handler(new CrossSiteGuard());
        router.post("/sessions/end").handler(new CrossSiteGuard());
        router.post("/sessions/untrust").handler(new CrossSiteGuard());
        for (String path : List.of(TwoFactorForms.SETUP, TwoFactorForms.CONFIRM, TwoFactorForms.RECOVERY_CODES, TwoFactorForms.REMOVE,
                TwoFactorForms.RECHECK_PATH, TwoFactorForms.PASSKEY_RENAME, TwoFactorForms.PASSKEY_REMOVE)) {
            router.post(path).handler(new CrossSiteGuard());
        }
        router.post("/login").consumes(FORM).handler(formBody).handler(login::submit);
        router.post(SecondFactorForms.PATH).consumes(FORM).handler(formBody).handler(secondFactor::submit);
        router.post(SecondFactorForms.ENROL).consumes(FORM).handler(formBody).handler(secondFactor::enrol);
        router.post("/logout").consumes(FORM).handler(formBody).handler(logout::submit);
        router.post("/password").consumes(FORM).handler(formBody).handler(password::submit);
        router.post("/sessions/end").consumes(FORM).handler(formBody).handler(sessions::end);
        router.post("/sessions/untrust").consumes(FORM).handler(formBody).handler(sessions::untrust);
        router.post(TwoFactorForms.SETUP).consumes(FORM).handler(formBody).handler(twoFactor::setup);
        router.post(TwoFactorForms.CONFIRM).consumes(FORM).handler(formBody).handler(twoFactor::confirm);
        router.post(TwoFactorForms.RECOVERY_CODES).consumes(FORM).handler(formBody).handler(twoFactor::renewRecoveryCodes);
        router.post(TwoFactorForms.REMOVE).consumes(FORM).handler(formBody).handler(twoFactor::remove);
        router.post(TwoFactorForms.RECHECK_PATH).consumes(FORM).handler(formBody).handler(twoFactor::recheckOnly);
        router.post(TwoFactorForms.PASSKEY_RENAME).consumes(FORM).handler(formBody).handler(twoFactor::renamePasskey);
        router.post(TwoFactorForms.PASSKEY_REMOVE).consumes(FORM).handler(formBody).handler(twoFactor::removePasskey);
        // The passkey script's calls: JSON only, behind the same guard as the JSON API.
        for (String path : PasskeyApi.paths()) {
            router.post(path).handler(new CrossSiteGuard());
        }
        router.post(PasskeyApi.ADD_OPTIONS).consumes(SessionApi.JSON).handler(formBody).handler(passkeys::addOptions);
        router.post(PasskeyApi.ADD).consumes(SessionApi.JSON).handler(formBody).handler(passkeys::add);
        router.post(PasskeyApi.LOGIN_OPTIONS).consumes(SessionApi.JSON).handler(formBody).handler(passkeys::loginOptions);
        router.post(PasskeyApi.LOGIN).consumes(SessionApi.JSON).handler(formBody).handler(passkeys::logIn);
        get(router, BundledFile.STYLESHEET_PATH).handler(BundledFile.stylesheet());
        get(router, BundledFile.SCRIPT_PATH).handler(BundledFile.script());
        get(router, BundledFile.PASSKEYS_SCRIPT_PATH).handler(BundledFile.passkeysScript());
        Brand brand = settings.brand();
        brand.accentStylesheet().ifPresent(css -> get(router, BRAND_STYLESHEET_PATH).handler(ctx -> ctx.response()
                .putHeader(HttpHeaders.CONTENT_TYPE, "text/css; charset=utf-8").putHeader(HttpHeaders.CACHE_CONTROL, "public, max-age=3600").end(css)));
        brand.logoPath().ifPresent(path -> {
            Buffer logo = Buffer.buffer(brand.logoBytes());
            get(router, path).handler(ctx -> ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, brand.logoContentType())
                    .putHeader(HttpHeaders.CACHE_CONTROL, "public, max-age=3600").end(logo));
        });
        // The JSON API: the same checks, bodies only as JSON, and the CSRF token in a header.
        router.post("/api/session").handler(new CrossSiteGuard());
        router.delete("/api/session").handler(new CrossSiteGuard());
        router.post("/api/session").consumes(SessionApi.JSON).handler(formBody).handler(api::logIn);
        router.post("/api/session/second-factor").handler(new CrossSiteGuard());
        router.post("/api/session/second-factor").consumes(SessionApi.JSON).handler(formBody).handler(api::secondFactor);
        get(router, "/api/session").handler(api::whoAmI);
        router.delete("/api/session").handler(api::logOut);
        get(router, "/api/sessions").handler(api::sessions);
        get(router, BundledFile.OPENAPI_PATH).handler(BundledFile.openApi());
    }

    /**
     * The forward-auth endpoints, first of the routes: they answer every request of every protected
     * application, and a router tries its routes in order. Whatever the method of the request the
     * proxy asks about, it asks with no body.
     */
    private void addForwardAuth(Router router) {
        router.route(FORWARD_AUTH_NGINX).handler(forwardAuth::authRequest);
        router.route(FORWARD_AUTH).handler(forwardAuth::forward);
    }

    /** A page's route: GET, and HEAD, which gets the same status and headers without the body. */
    private static Route get(Router router, String path) {
        return router.route(path).method(HttpMethod.GET).method(HttpMethod.HEAD);
    }

    /**
     * For an application's own routes: lets the request through with the logged-in user and session
     * ({@link GatehouseSession#of}), restoring a remembered login if there is one. Otherwise a GET
     * is sent to the login page, to come back here after it, and anything else gets 401.
     */
    public Handler<RoutingContext> requireLogin() {
        return this::requireLogin;
    }

    private void requireLogin(RoutingContext ctx) {
        identity.of(ctx, who -> who.handle(in -> {
            ctx.put(GatehouseSession.KEY, new GatehouseSession(in.session(), useCases.savePreference()));
            ctx.next();
        }, nobody -> {
            if (ctx.request().method() == HttpMethod.GET || ctx.request().method() == HttpMethod.HEAD) {
                LocalPath back = new LocalPath("/login?next=" + URLEncoder.encode(ctx.request().uri(), StandardCharsets.UTF_8));
                flash.toLogin(ctx, nobody.sessionEnded(), back);
            } else {
                ctx.fail(401);
            }
        }));
    }
}
