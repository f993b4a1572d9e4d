package dev.gatehouse.adapter.vertx.http;

import dev.gatehouse.application.FlashMessage;
import dev.gatehouse.application.Flashes;
import dev.gatehouse.application.LogIn;
import dev.gatehouse.application.LogInCommand;
import dev.gatehouse.application.LoginForm;
import dev.gatehouse.application.LoginResult;
import dev.gatehouse.application.OpenLoginForm;
import dev.gatehouse.domain.Channel;
import dev.gatehouse.domain.LocalPath;
import dev.gatehouse.domain.Password;
import dev.gatehouse.domain.Session;
import dev.gatehouse.domain.SessionId;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** {@code GET /login} shows the form; {@code POST /login} checks it. */
final class LoginForms {


    private final OpenLoginForm openLoginForm;
    private final LogIn logIn;
    private final SessionCookie cookie;
    private final Views views;
    private final int maxFormFields;
    private final Set<String> trustedProxies;
    private final RememberMeCookie remember;
    private final Flashes flashes;

    LoginForms(OpenLoginForm openLoginForm, LogIn logIn, SessionCookie cookie, Views views, int maxFormFields,
               Set<String> trustedProxies, RememberMeCookie remember, Flashes flashes) {
        this.remember = remember;
        this.flashes = flashes;
        this.maxFormFields = maxFormFields;
        this.trustedProxies = trustedProxies;
        this.openLoginForm = openLoginForm;
        this.logIn = logIn;
        this.cookie = cookie;
        this.views = views;
    }

    void show(RoutingContext ctx) {
        FormBody query;
        try {
            query = FormBody.parse(ctx.request().query(), maxFormFields);
        } catch (FormBody.Malformed malformed) {
            ErrorPages.badRequest(ctx, views, malformed.getMessage());
            return;
        }
        String next = safeNext(query.field("next"));
        Responses.whenDone(ctx, openLoginForm.open(cookie.read(ctx.request().headers()), Channel.WEB)
                .thenCompose(form -> flashes.take(form.session()).thenApply(flash -> Map.entry(form, flash))), shown -> {
            LoginForm form = shown.getKey();
            if (form.started()) {
                ctx.response().addCookie(cookie.issue(form.session().id()));
            }
            Responses.page(ctx, 200, views.login(new LoginPage(form.session().csrfToken().value(), next, "", false, null,
                    shown.getValue().map(FlashMessage::text).orElse(null))));
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
            next = safeNext(form.field("next"));
            rememberMe = form.field("remember").isPresent();
            password = Password.of(form.required("password"));
        } catch (FormBody.Malformed malformed) {
            ErrorPages.badRequest(ctx, views, malformed.getMessage());
            return;
        }
        Optional<SessionId> sessionId = cookie.read(ctx.request().headers());
        // The peer's address: behind a proxy, the proxy's (trusted forwarding headers are not read yet).
        String client = ClientAddress.of(ctx, trustedProxies);
        Responses.whenDone(ctx, logIn.logIn(new LogInCommand(sessionId, csrf, username, password, client,
                Devices.describe(ctx.request().getHeader(HttpHeaders.USER_AGENT)))), result -> {
            if (result instanceof LoginResult.LoggedIn loggedIn) {
                ctx.response().addCookie(cookie.issue(loggedIn.session().id()));
                if (rememberMe) {
                    remember.remember(ctx, loggedIn.session(), () -> Responses.redirect(ctx, 303, LocalPath.orRoot(next)));
                } else {
                    Responses.redirect(ctx, 303, LocalPath.orRoot(next));
                }
            } else if (result instanceof LoginResult.Rejected rejected) {
                Session formSession = rejected.formSession();
                Responses.page(ctx, 200, views.login(new LoginPage(formSession.csrfToken().value(), next, username, rememberMe, LoginResult.Rejected.MESSAGE, null)));
            } else if (result instanceof LoginResult.Throttled throttled) {
                ctx.response().putHeader(HttpHeaders.RETRY_AFTER, Long.toString(LoginResult.Throttled.wholeSeconds(throttled.retryAfter())));
                Responses.page(ctx, 429, views.login(new LoginPage(throttled.formSession().csrfToken().value(), next, username, rememberMe,
                        LoginResult.Throttled.message(throttled.retryAfter()), null)));
            } else {
                ErrorPages.formExpired(ctx, views);
            }
        });
    }

    /** The {@code next} target when it is a safe path of this site; anything else is dropped. */
    private static String safeNext(Optional<String> next) {
        return next.flatMap(LocalPath::parse).map(LocalPath::value).orElse(null);
    }
}
