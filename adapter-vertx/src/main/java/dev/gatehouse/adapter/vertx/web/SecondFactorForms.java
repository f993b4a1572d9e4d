package dev.gatehouse.adapter.vertx.web;

import dev.gatehouse.application.CompleteLogin;
import dev.gatehouse.application.CompleteLoginCommand;
import dev.gatehouse.application.FlashMessage;
import dev.gatehouse.application.LogInResult;
import dev.gatehouse.application.SecondFactorMethod;
import dev.gatehouse.application.VerifySecondFactorResult;
import dev.gatehouse.domain.LocalPath;
import dev.gatehouse.domain.ReturnTarget;
import dev.gatehouse.domain.Session;
import dev.gatehouse.domain.SessionId;
import io.vertx.ext.web.RoutingContext;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;

/**
 * {@code GET /login/second-factor} asks a half-way login for its code; {@code POST} checks it.
 * The login form's {@code next} and "remember me" ride along in the page; the code's checks, the
 * throttle and the session's replacement are {@link CompleteLogin}'s.
 */
final class SecondFactorForms {

    static final String PATH = "/login/second-factor";
    private static final LocalPath LOGIN = new LocalPath("/login");

    private final CompleteLogin completeLogin;
    private final SessionCookie cookie;
    private final Views views;
    private final int maxFormFields;
    private final Set<String> trustedProxies;
    private final RememberMeCookie remember;
    private final FlashRedirects flash;
    private final DeviceCookie device;

    SecondFactorForms(CompleteLogin completeLogin, SessionCookie cookie, Views views, int maxFormFields, Set<String> trustedProxies,
                      RememberMeCookie remember, FlashRedirects flash, DeviceCookie device) {
        this.completeLogin = completeLogin;
        this.cookie = cookie;
        this.views = views;
        this.maxFormFields = maxFormFields;
        this.trustedProxies = trustedProxies;
        this.remember = remember;
        this.flash = flash;
        this.device = device;
    }

    /** Where the login form sends a half-way login, with its choices. */
    static LocalPath after(String next, boolean rememberMe) {
        StringBuilder path = new StringBuilder(PATH);
        String separator = "?";
        if (next != null) {
            path.append(separator).append("next=").append(URLEncoder.encode(next, StandardCharsets.UTF_8));
            separator = "&";
        }
        if (rememberMe) {
            path.append(separator).append("remember=on");
        }
        return new LocalPath(path.toString());
    }

    void show(RoutingContext ctx) {
        FormBody query;
        try {
            query = FormBody.parse(ctx.request().query(), maxFormFields);
        } catch (FormBody.Malformed malformed) {
            ErrorPages.badRequest(ctx, views, malformed.getMessage());
            return;
        }
        String next = LoginForms.safeNext(query.field("next"), cookie.domains());
        boolean rememberMe = query.field("remember").isPresent();
        Responses.whenDone(ctx, completeLogin.halfway(cookie.read(ctx.request().headers())), halfway -> {
            if (halfway.isEmpty()) {
                flash.redirect(ctx, 303, LOGIN, FlashMessage.LOGIN_NOT_FINISHED);
                return;
            }
            Responses.page(ctx, 200, views.secondFactor(page(halfway.get(), next, rememberMe, null, 0)));
        });
    }

    void submit(RoutingContext ctx) {
        String csrf;
        String code;
        String next;
        boolean rememberMe;
        try {
            FormBody form = FormBody.parse(ctx.body().buffer(), maxFormFields);
            csrf = form.required("csrf");
            code = form.required("code");
            next = LoginForms.safeNext(form.field("next"), cookie.domains());
            rememberMe = form.field("remember").isPresent();
        } catch (FormBody.Malformed malformed) {
            ErrorPages.badRequest(ctx, views, malformed.getMessage());
            return;
        }
        Optional<SessionId> sessionId = cookie.read(ctx.request().headers());
        CompleteLoginCommand command = new CompleteLoginCommand(sessionId, csrf, code, ClientAddress.of(ctx, trustedProxies), device.read(ctx));
        Responses.whenDone(ctx, completeLogin.complete(command), result -> result.fold(loggedIn -> {
            ctx.response().addCookie(cookie.issue(ctx, loggedIn.session().id()));
            ctx.response().addCookie(device.issue(loggedIn.deviceToken()));
            Runnable onward = () -> {
                if (loggedIn.method() == SecondFactorMethod.RECOVERY_CODE && next == null) {
                    // Where the user sees how many are left, and can make a new set.
                    flash.redirect(ctx, 303, new LocalPath(TwoFactorForms.PATH), FlashMessage.RECOVERY_CODE_USED);
                } else {
                    Responses.redirect(ctx, 303, LoginForms.back(next));
                }
            };
            if (rememberMe) {
                remember.remember(ctx, loggedIn.session(), onward);
            } else {
                onward.run();
            }
            return null;
        }, wrong -> again(ctx, sessionId, next, rememberMe, 200, VerifySecondFactorResult.Wrong.MESSAGE, 0), throttled -> {
            Responses.retryAfter(ctx, throttled.retryAfter());
            return again(ctx, sessionId, next, rememberMe, 429, LogInResult.Throttled.message(throttled.retryAfter()),
                    LogInResult.Throttled.wholeSeconds(throttled.retryAfter()));
        }, logInAgain -> {
            flash.redirect(ctx, 303, LOGIN, FlashMessage.LOGIN_NOT_FINISHED);
            return null;
        }, expired -> {
            ErrorPages.formExpired(ctx, views);
            return null;
        }));
    }

    /** The page again with what went wrong; to the login page if the half-way login has gone meanwhile. */
    private Void again(RoutingContext ctx, Optional<SessionId> sessionId, String next, boolean rememberMe, int status, String error, long retryAfter) {
        Responses.whenDone(ctx, completeLogin.halfway(sessionId), halfway -> {
            if (halfway.isEmpty()) {
                flash.redirect(ctx, 303, LOGIN, FlashMessage.LOGIN_NOT_FINISHED);
            } else {
                Responses.page(ctx, status, views.secondFactor(page(halfway.get(), next, rememberMe, error, retryAfter)));
            }
        });
        return null;
    }

    private static SecondFactorPage page(Session halfway, String next, boolean rememberMe, String error, long retryAfter) {
        return new SecondFactorPage(halfway.csrfToken().value(), halfway.pendingLogin().orElseThrow().user().value(), next, rememberMe, true,
                error, retryAfter);
    }
}
