package dev.gatehouse.adapter.vertx.web;

import dev.gatehouse.adapter.vertx.web.secondfactor.QrSvg;
import dev.gatehouse.application.CompleteLogin;
import dev.gatehouse.application.CompleteLoginCommand;
import dev.gatehouse.application.CompleteLoginResult;
import dev.gatehouse.application.EnrolAuthenticator;
import dev.gatehouse.application.FlashMessage;
import dev.gatehouse.application.LogInResult;
import dev.gatehouse.application.SecondFactorMethod;
import dev.gatehouse.application.VerifySecondFactorResult;
import dev.gatehouse.domain.LocalPath;
import dev.gatehouse.domain.SessionId;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;

/**
 * {@code /login/second-factor}: the second step of a login, and the step-up of a session logged in
 * with a password alone that an access rule asks two factors of. It asks for the code, or, for a
 * user who must have a second factor and has none, sets one up ({@code /login/second-factor/enrol})
 * before the login goes any further. The login form's {@code next} and "remember me" ride along in
 * the page; the checks, the throttle and the session's replacement are {@link CompleteLogin}'s.
 */
final class SecondFactorForms {

    static final String PATH = "/login/second-factor";
    static final String ENROL = PATH + "/enrol";
    private static final LocalPath LOGIN = new LocalPath("/login");

    private final CompleteLogin completeLogin;
    private final SessionCookie cookie;
    private final Views views;
    private final int maxFormFields;
    private final Set<String> trustedProxies;
    private final RememberMeCookie remember;
    private final FlashRedirects flash;
    private final DeviceCookie device;
    private final TrustCookie trust;
    private final String siteName;

    SecondFactorForms(CompleteLogin completeLogin, SessionCookie cookie, Views views, int maxFormFields, Set<String> trustedProxies,
                      RememberMeCookie remember, FlashRedirects flash, DeviceCookie device, TrustCookie trust, String siteName) {
        this.trust = trust;
        this.completeLogin = completeLogin;
        this.cookie = cookie;
        this.views = views;
        this.maxFormFields = maxFormFields;
        this.trustedProxies = trustedProxies;
        this.remember = remember;
        this.flash = flash;
        this.device = device;
        this.siteName = siteName;
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
        Optional<FormBody> parsed = FormBody.query(ctx, maxFormFields, views);
        if (parsed.isEmpty()) {
            return;
        }
        FormBody query = parsed.get();
        String next = LoginForms.safeNext(query.field("next"), cookie.domains());
        boolean rememberMe = query.field("remember").isPresent();
        Responses.whenDone(ctx, completeLogin.secondStep(cookie.read(ctx.request().headers())), found -> {
            if (found.isEmpty()) {
                nothingToDo(ctx, next);
                return;
            }
            CompleteLogin.SecondStep step = found.get();
            if (!step.enrolFirst()) {
                Responses.page(ctx, 200, views.secondFactor(page(step, next, rememberMe, null, 0)));
            } else if (step.halfway()) {
                setupPage(ctx, step, completeLogin.beginEnrolment(step).orElseThrow(), next, rememberMe, null);
            } else {
                // Logged in, with no second factor yet: set one up on the account's page, and come back.
                Responses.redirect(ctx, 303, TwoFactorForms.toSetUp(next));
            }
        });
    }

    /** No step to take: back where the user was going (which asks for a login if it needs one), or to the login. */
    private void nothingToDo(RoutingContext ctx, String next) {
        if (next != null) {
            Responses.redirect(ctx, 303, LoginForms.back(next));
        } else {
            flash.redirect(ctx, 303, LOGIN, FlashMessage.LOGIN_NOT_FINISHED);
        }
    }

    void submit(RoutingContext ctx) {
        String csrf;
        String code;
        String next;
        boolean rememberMe;
        boolean trustBrowser;
        try {
            FormBody form = FormBody.parse(ctx.body().buffer(), maxFormFields);
            csrf = form.required("csrf");
            code = form.required("code");
            next = LoginForms.safeNext(form.field("next"), cookie.domains());
            rememberMe = form.field("remember").isPresent();
            trustBrowser = form.field("trust").isPresent();
        } catch (FormBody.Malformed malformed) {
            ErrorPages.badRequest(ctx, views, malformed.getMessage());
            return;
        }
        Optional<SessionId> sessionId = cookie.read(ctx.request().headers());
        CompleteLoginCommand command = new CompleteLoginCommand(sessionId, csrf, code, ClientAddress.of(ctx, trustedProxies), device.read(ctx),
                trustBrowser, Devices.describe(ctx.request().getHeader(HttpHeaders.USER_AGENT)));
        Responses.whenDone(ctx, completeLogin.complete(command), result -> result.fold(loggedIn -> {
            loggedIn(ctx, loggedIn, rememberMe, () -> {
                if (loggedIn.method() == SecondFactorMethod.RECOVERY_CODE && next == null) {
                    // Where the user sees how many are left, and can make a new set.
                    flash.redirect(ctx, 303, new LocalPath(TwoFactorForms.PATH), FlashMessage.RECOVERY_CODE_USED);
                } else {
                    Responses.redirect(ctx, 303, LoginForms.back(next));
                }
            });
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

    /** The confirming code of the key a login that must set up a second factor was shown. */
    void enrol(RoutingContext ctx) {
        String csrf;
        String token;
        String code;
        String next;
        boolean rememberMe;
        try {
            FormBody form = FormBody.parse(ctx.body().buffer(), maxFormFields);
            csrf = form.required("csrf");
            token = form.required("token");
            code = form.required("code");
            next = LoginForms.safeNext(form.field("next"), cookie.domains());
            rememberMe = form.field("remember").isPresent();
        } catch (FormBody.Malformed malformed) {
            ErrorPages.badRequest(ctx, views, malformed.getMessage());
            return;
        }
        Optional<SessionId> sessionId = cookie.read(ctx.request().headers());
        Responses.whenDone(ctx, completeLogin.enrol(sessionId, csrf, token, code, ClientAddress.of(ctx, trustedProxies)), result -> result.fold(
                loggedIn -> {
                    CompleteLoginResult.LoggedIn login = loggedIn.login();
                    loggedIn(ctx, login, rememberMe, () -> Responses.page(ctx, 200, views.recoveryCodes(new RecoveryCodesPage(
                            Frame.of(login.session().user().orElseThrow(), login.session(), Frame.Section.TWO_FACTOR),
                            "Two-factor authentication is on", loggedIn.recoveryCodes(), siteName, LoginForms.back(next).value()))));
                    return null;
                },
                wrong -> {
                    Responses.whenDone(ctx, completeLogin.secondStep(sessionId), step -> {
                        if (step.isEmpty()) {
                            flash.redirect(ctx, 303, LOGIN, FlashMessage.LOGIN_NOT_FINISHED);
                        } else {
                            setupPage(ctx, step.get(), wrong.pending(), next, rememberMe, EnrolAuthenticator.Result.Wrong.MESSAGE);
                        }
                    });
                    return null;
                },
                logInAgain -> {
                    flash.redirect(ctx, 303, LOGIN, FlashMessage.LOGIN_NOT_FINISHED);
                    return null;
                },
                expired -> {
                    ErrorPages.formExpired(ctx, views);
                    return null;
                }));
    }

    /** The cookies of a login just finished, then {@code onward}, once "remember me" has been seen to. */
    private void loggedIn(RoutingContext ctx, CompleteLoginResult.LoggedIn loggedIn, boolean rememberMe, Runnable onward) {
        ctx.response().addCookie(cookie.issue(ctx, loggedIn.session().id()));
        ctx.response().addCookie(device.issue(loggedIn.deviceToken()));
        loggedIn.trustToken().ifPresent(token -> ctx.response().addCookie(trust.issue(token)));
        if (rememberMe) {
            remember.remember(ctx, loggedIn.session(), onward);
        } else {
            onward.run();
        }
    }

    /** The page again with what went wrong; to the login page if the half-way login has gone meanwhile. */
    private Void again(RoutingContext ctx, Optional<SessionId> sessionId, String next, boolean rememberMe, int status, String error, long retryAfter) {
        Responses.whenDone(ctx, completeLogin.secondStep(sessionId), step -> {
            if (step.isEmpty()) {
                flash.redirect(ctx, 303, LOGIN, FlashMessage.LOGIN_NOT_FINISHED);
            } else {
                Responses.page(ctx, status, views.secondFactor(page(step.get(), next, rememberMe, error, retryAfter)));
            }
        });
        return null;
    }

    private static SecondFactorPage page(CompleteLogin.SecondStep step, String next, boolean rememberMe, String error, long retryAfter) {
        return new SecondFactorPage(step.session().csrfToken().value(), step.user().value(), next, rememberMe,
                step.methods().contains(SecondFactorMethod.AUTHENTICATOR_CODE), step.methods().contains(SecondFactorMethod.RECOVERY_CODE),
                step.methods().contains(SecondFactorMethod.PASSKEY), !step.halfway(), error, retryAfter);
    }

    private void setupPage(RoutingContext ctx, CompleteLogin.SecondStep step, EnrolAuthenticator.Pending pending, String next, boolean rememberMe,
                           String error) {
        Responses.page(ctx, 200, views.authenticatorSetup(AuthenticatorSetupPage.atLogin(step.session().csrfToken().value(), step.user().value(),
                QrSvg.of(pending.key().uri()), pending.key().base32(), pending.token(), error, next, rememberMe)));
    }
}
