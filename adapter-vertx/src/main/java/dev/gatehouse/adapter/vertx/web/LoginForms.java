package dev.gatehouse.adapter.vertx.web;

import dev.gatehouse.application.FlashMessage;
import dev.gatehouse.application.LogIn;
import dev.gatehouse.application.LogInCommand;
import dev.gatehouse.application.LogInResult;
import dev.gatehouse.application.OpenLoginForm;
import dev.gatehouse.domain.Channel;
import dev.gatehouse.domain.CookieDomain;
import dev.gatehouse.domain.LocalPath;
import dev.gatehouse.domain.ReturnTarget;
import dev.gatehouse.domain.Password;
import dev.gatehouse.domain.PreLogin;
import dev.gatehouse.domain.SessionId;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code GET /login} shows the form; {@code POST /login} checks it. A visitor without a session
 * gets a pre-login cookie ({@code __Host-gh_prelogin}, a random value, nothing stored) whose
 * signature is the form's CSRF token; it is cleared once the login succeeds.
 */
final class LoginForms {

    private final OpenLoginForm openLoginForm;
    private final LogIn logIn;
    private final SessionCookie cookie;
    private final Views views;
    private final int maxFormFields;
    private final Set<String> trustedProxies;
    private final RememberMeCookie remember;
    private final FlashRedirects flash;
    private final DeviceCookie device;
    private final TrustCookie trust;
    private final String preLoginName;

    LoginForms(OpenLoginForm openLoginForm, LogIn logIn, SessionCookie cookie, Views views, int maxFormFields,
               Set<String> trustedProxies, RememberMeCookie remember, FlashRedirects flash, DeviceCookie device, TrustCookie trust) {
        this.device = device;
        this.trust = trust;
        this.remember = remember;
        this.flash = flash;
        this.maxFormFields = maxFormFields;
        this.trustedProxies = trustedProxies;
        this.openLoginForm = openLoginForm;
        this.logIn = logIn;
        this.cookie = cookie;
        this.views = views;
        this.preLoginName = cookie.companionName("gh_prelogin");
    }

    void show(RoutingContext ctx) {
        Optional<FormBody> parsed = FormBody.query(ctx, maxFormFields, views);
        if (parsed.isEmpty()) {
            return;
        }
        FormBody query = parsed.get();
        String next = safeNext(query.field("next"), cookie.domains());
        Responses.whenDone(ctx, openLoginForm.open(cookie.read(ctx.request().headers()), preLogin(ctx)), form -> {
            if (form.halfway()) {
                Responses.redirect(ctx, 303, SecondFactorForms.after(next, false));
                return;
            }
            form.issued().ifPresent(issued -> ctx.response().addCookie(cookie.withAttributes(Cookie.cookie(preLoginName, issued.value()))));
            Responses.page(ctx, 200, views.login(new LoginPage(form.csrfToken().value(), next, "", false, null,
                    flash.take(ctx).map(FlashMessage::text).orElse(null), 0)));
        });
    }

    void submit(RoutingContext ctx) {
        String username;
        String csrf;
        String next;
        boolean rememberMe;
        Password password;
        try {
            FormBody form = FormBody.parse(ctx.body().buffer(), maxFormFields);
            username = form.required("username");
            csrf = form.required("csrf");
            next = safeNext(form.field("next"), cookie.domains());
            rememberMe = form.field("remember").isPresent();
            password = Password.of(form.required("password"));
        } catch (FormBody.Malformed malformed) {
            ErrorPages.badRequest(ctx, views, malformed.getMessage());
            return;
        }
        Optional<SessionId> sessionId = cookie.read(ctx.request().headers());
        String client = ClientAddress.of(ctx, trustedProxies);
        Responses.whenDone(ctx, logIn.logIn(new LogInCommand(sessionId, preLogin(ctx), csrf, username, password, client, Channel.WEB,
                Devices.describe(ctx.request().getHeader(HttpHeaders.USER_AGENT)), device.read(ctx), trust.read(ctx))), result -> {
            result.handle(loggedIn -> {
                ctx.response().addCookie(cookie.issue(ctx, loggedIn.session().id()));
                ctx.response().addCookie(device.issue(loggedIn.deviceToken()));
                ctx.response().addCookie(cookie.withAttributes(Cookie.cookie(preLoginName, "")).setMaxAge(0));
                if (rememberMe) {
                    remember.remember(ctx, loggedIn.session(), () -> Responses.redirect(ctx, 303, back(next)));
                } else {
                    Responses.redirect(ctx, 303, back(next));
                }
            }, halfway -> {
                ctx.response().addCookie(cookie.issue(ctx, halfway.session().id()));
                ctx.response().addCookie(cookie.withAttributes(Cookie.cookie(preLoginName, "")).setMaxAge(0));
                Responses.redirect(ctx, 303, SecondFactorForms.after(next, rememberMe));
            }, rejected -> Responses.page(ctx, 200, views.login(new LoginPage(rejected.formToken().value(), next, username, rememberMe,
                    LogInResult.Rejected.MESSAGE, null, 0))), throttled -> {
                Responses.retryAfter(ctx, throttled.retryAfter());
                Responses.page(ctx, 429, views.login(new LoginPage(throttled.formToken().value(), next, username, rememberMe,
                        LogInResult.Throttled.message(throttled.retryAfter()), null, LogInResult.Throttled.wholeSeconds(throttled.retryAfter()))));
            }, expired -> ErrorPages.formExpired(ctx, views));
        });
    }

    private Optional<PreLogin> preLogin(RoutingContext ctx) {
        return Optional.ofNullable(SessionCookie.single(ctx.request().headers(), preLoginName)).flatMap(PreLogin::parse);
    }

    /**
     * The {@code next} target when it is a safe path of this site, or a protected site's URL under
     * one of the cookie domains ({@link ReturnTarget}); anything else is dropped.
     */
    static String safeNext(Optional<String> next, List<CookieDomain> domains) {
        return next.flatMap(text -> ReturnTarget.parse(text, domains)).map(ReturnTarget::value).orElse(null);
    }

    /** Where the login sends the browser: the safe target (already checked), or this site's root. */
    static ReturnTarget back(String next) {
        return next == null ? new ReturnTarget(LocalPath.ROOT.value()) : new ReturnTarget(next);
    }
}
