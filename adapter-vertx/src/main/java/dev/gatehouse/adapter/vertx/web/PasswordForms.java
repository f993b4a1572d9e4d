package dev.gatehouse.adapter.vertx.web;

import dev.gatehouse.application.ChangeOwnPassword;
import dev.gatehouse.application.ChangeOwnPasswordCommand;
import dev.gatehouse.application.Greet;
import dev.gatehouse.application.LogInResult;
import dev.gatehouse.application.ChangeOwnPasswordResult;
import dev.gatehouse.domain.LocalPath;
import dev.gatehouse.domain.Password;
import dev.gatehouse.domain.SessionId;
import io.vertx.ext.web.RoutingContext;

import java.util.Optional;
import java.util.Set;

/** {@code GET /password} and {@code POST /password}: a logged-in user changes their own password. */
final class PasswordForms {

    private static final LocalPath LOGIN_THEN_HERE = new LocalPath("/login?next=%2Fpassword");

    private final Greet greet;
    private final ChangeOwnPassword changeOwnPassword;
    private final SessionCookie cookie;
    private final Views views;
    private final int maxFormFields;
    private final Set<String> trustedProxies;
    private final RequestIdentity identity;
    private final FlashRedirects flash;

    PasswordForms(RequestIdentity identity, Greet greet, ChangeOwnPassword changeOwnPassword, SessionCookie cookie, Views views, int maxFormFields,
                  Set<String> trustedProxies, FlashRedirects flash) {
        this.flash = flash;
        this.trustedProxies = trustedProxies;
        this.identity = identity;
        this.greet = greet;
        this.changeOwnPassword = changeOwnPassword;
        this.cookie = cookie;
        this.views = views;
        this.maxFormFields = maxFormFields;
    }

    void show(RoutingContext ctx) {
        identity.of(ctx, who -> who.handle(
                in -> Responses.page(ctx, 200, views.password(new PasswordPage(Frame.of(in.user(), in.session(), Frame.Section.PASSWORD), in.fresh()))),
                nobody -> flash.toLogin(ctx, nobody.sessionEnded(), LOGIN_THEN_HERE)));
    }

    void submit(RoutingContext ctx) {
        String csrf;
        Password current;
        Password fresh;
        Password repeated;
        try {
            FormBody form = FormBody.parse(ctx.body().buffer(), maxFormFields);
            csrf = form.required("csrf");
            current = Password.of(form.required("current"));
            fresh = Password.of(form.required("new"));
            repeated = Password.of(form.required("repeat"));
        } catch (FormBody.Malformed malformed) {
            ErrorPages.badRequest(ctx, views, malformed.getMessage());
            return;
        }
        Optional<SessionId> sessionId = cookie.read(ctx.request().headers());
        boolean same = fresh.sameAs(repeated);
        repeated.wipe();
        if (!same) {
            current.wipe();
            fresh.wipe();
            again(ctx, sessionId, 200, "The new passwords do not match.", PasswordPage.Field.REPEAT);
            return;
        }
        String client = ClientAddress.of(ctx, trustedProxies);
        ChangeOwnPasswordCommand command = new ChangeOwnPasswordCommand(sessionId, csrf, current, fresh, client);
        Responses.whenDone(ctx, changeOwnPassword.change(command), result -> {
            result.handle(changed -> {
                ctx.response().addCookie(cookie.issue(ctx, changed.session().id()));
                Responses.page(ctx, 200, views.message(new MessagePage("Password changed",
                        "Your password has been changed. Your other sessions have been ended.")));
            }, wrong -> again(ctx, sessionId, 200, ChangeOwnPasswordResult.WrongPassword.MESSAGE, PasswordPage.Field.CURRENT),
                    weak -> again(ctx, sessionId, 200, weak.problem().explanation(), PasswordPage.Field.NEW), throttled -> {
                        Responses.retryAfter(ctx, throttled.retryAfter());
                        again(ctx, sessionId, 429, LogInResult.Throttled.message(throttled.retryAfter()), PasswordPage.Field.CURRENT);
                    }, notLoggedIn -> Responses.redirect(ctx, 303, LOGIN_THEN_HERE), expired -> ErrorPages.formExpired(ctx, views));
        });
    }

    /** The form again, with what went wrong and in which field; or the login page when the session has gone meanwhile. */
    private void again(RoutingContext ctx, Optional<SessionId> sessionId, int status, String error, PasswordPage.Field field) {
        Responses.whenDone(ctx, greet.greet(sessionId), greeting -> greeting.handle(
                welcome -> Responses.page(ctx, status, views.password(new PasswordPage(Frame.of(welcome.username(), welcome.session(),
                        Frame.Section.PASSWORD), welcome.session().isFresh(), error, field))),
                nobody -> Responses.redirect(ctx, 303, LOGIN_THEN_HERE)));
    }
}
