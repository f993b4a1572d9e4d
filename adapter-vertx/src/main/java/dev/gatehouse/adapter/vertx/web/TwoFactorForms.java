package dev.gatehouse.adapter.vertx.web;

import dev.gatehouse.application.EnrolAuthenticator;
import dev.gatehouse.application.Identity;
import dev.gatehouse.application.LogInResult;
import dev.gatehouse.application.ManagePasskeys;
import dev.gatehouse.application.ManageSecondFactors;
import dev.gatehouse.application.Reauthenticate;
import dev.gatehouse.adapter.vertx.web.secondfactor.QrSvg;
import dev.gatehouse.domain.LocalPath;
import dev.gatehouse.domain.Password;
import io.vertx.ext.web.RoutingContext;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.function.BiFunction;
import java.util.function.Consumer;

/**
 * {@code /account/two-factor}: a logged-in user sets up an authenticator app (always after typing
 * the password again), confirms it with a code, sees the recovery codes once, makes new ones, or
 * turns the second factor off. Changes need a recent proof of who the user is; when the last one
 * is older than ten minutes the forms carry a password field, checked first ({@link Reauthenticate}).
 */
final class TwoFactorForms {

    static final String PATH = "/account/two-factor";
    static final String SETUP = PATH + "/setup";
    static final String CONFIRM = PATH + "/confirm";
    static final String RECOVERY_CODES = PATH + "/recovery-codes";
    static final String REMOVE = PATH + "/remove";
    static final String RECHECK_PATH = PATH + "/recheck";
    static final String PASSKEY_RENAME = "/account/passkeys/rename";
    static final String PASSKEY_REMOVE = "/account/passkeys/remove";
    private static final LocalPath LOGIN_THEN_HERE = new LocalPath("/login?next=%2Faccount%2Ftwo-factor");
    private static final String RECHECK = "Type your current password to confirm it is you.";

    private final RequestIdentity identity;
    private final Reauthenticate reauthenticate;
    private final EnrolAuthenticator enrol;
    private final ManageSecondFactors manage;
    private final ManagePasskeys passkeys;
    private final SessionCookie cookie;
    private final Views views;
    private final int maxFormFields;
    private final Set<String> trustedProxies;
    private final FlashRedirects flash;
    private final String siteName;
    private final Clock clock;

    TwoFactorForms(RequestIdentity identity, WebUseCases useCases, SessionCookie cookie, Views views, int maxFormFields,
                   Set<String> trustedProxies, FlashRedirects flash, String siteName) {
        this.identity = identity;
        this.reauthenticate = useCases.reauthenticate();
        this.enrol = useCases.enrolAuthenticator();
        this.manage = useCases.manageSecondFactors();
        this.passkeys = useCases.managePasskeys();
        this.cookie = cookie;
        this.views = views;
        this.maxFormFields = maxFormFields;
        this.trustedProxies = trustedProxies;
        this.flash = flash;
        this.siteName = siteName;
        this.clock = useCases.clock();
    }

    /** The account's page, to set up a second factor and then go on to {@code next} (a page that asked for two factors). */
    static LocalPath toSetUp(String next) {
        return new LocalPath(next == null ? PATH : PATH + "?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8));
    }

    void show(RoutingContext ctx) {
        Optional<FormBody> parsed = FormBody.query(ctx, maxFormFields, views);
        if (parsed.isEmpty()) {
            return;
        }
        FormBody query = parsed.get();
        String next = LoginForms.safeNext(query.field("next"), cookie.domains());
        String notice = next == null ? null : "The page you opened asks for two-factor authentication. Set it up to go on.";
        loggedIn(ctx, in -> page(ctx, in, 200, flash.take(ctx).map(message -> message.text()).orElse(notice), null, next));
    }

    /** The password typed again, then a new key to scan. */
    void setup(RoutingContext ctx) {
        Optional<FormBody> form = form(ctx);
        if (form.isEmpty()) {
            return;
        }
        String next = LoginForms.safeNext(form.get().field("next"), cookie.domains());
        loggedIn(ctx, in -> recheck(ctx, in, form.get(), true, rechecked -> enrol.begin(rechecked).ifPresentOrElse(
                pending -> setupPage(ctx, rechecked, 200, pending, null, next),
                () -> page(ctx, rechecked, 200, null, RECHECK, next))));
    }

    void confirm(RoutingContext ctx) {
        Optional<FormBody> form = form(ctx);
        if (form.isEmpty()) {
            return;
        }
        String csrf = form.get().field("csrf").orElse("");
        String token = form.get().field("token").orElse("");
        String code = form.get().field("code").orElse("");
        String next = LoginForms.safeNext(form.get().field("next"), cookie.domains());
        loggedIn(ctx, in -> Responses.whenDone(ctx, enrol.confirm(in, csrf, token, code), result -> result.fold(
                enrolled -> {
                    // The confirming code proved the second factor: the session goes on with two, under a new id.
                    ctx.response().addCookie(cookie.issue(ctx, enrolled.session().id()));
                    return codes(ctx, new Identity.LoggedIn(in.user(), enrolled.session(), Optional.empty()), "Two-factor authentication is on",
                            enrolled.recoveryCodes(), next == null ? null : LoginForms.back(next).value());
                },
                wrong -> setupPage(ctx, in, 200, wrong.pending(), EnrolAuthenticator.Result.Wrong.MESSAGE, next),
                expired -> page(ctx, in, 200, null, EnrolAuthenticator.Result.Expired.MESSAGE, next),
                recheck -> page(ctx, in, 200, null, RECHECK, next),
                formExpired -> formExpired(ctx))));
    }

    /** The password again, and nothing else: the page's changes then need none for ten minutes (adding a passkey, above all). */
    void recheckOnly(RoutingContext ctx) {
        Optional<FormBody> form = form(ctx);
        if (form.isEmpty()) {
            return;
        }
        loggedIn(ctx, in -> recheck(ctx, in, form.get(), true, rechecked -> page(ctx, rechecked, 200, null, null, null)));
    }

    void renamePasskey(RoutingContext ctx) {
        Optional<FormBody> form = form(ctx);
        if (form.isEmpty()) {
            return;
        }
        String csrf = form.get().field("csrf").orElse("");
        loggedIn(ctx, in -> Responses.whenDone(ctx, passkeys.rename(in, csrf, form.get().field("passkey").orElse(""),
                form.get().field("name").orElse("")), outcome -> passkeyOutcome(ctx, in, outcome, "Passkey renamed.")));
    }

    void removePasskey(RoutingContext ctx) {
        Optional<FormBody> form = form(ctx);
        if (form.isEmpty()) {
            return;
        }
        String csrf = form.get().field("csrf").orElse("");
        loggedIn(ctx, in -> recheck(ctx, in, form.get(), false, rechecked -> Responses.whenDone(ctx,
                passkeys.remove(rechecked, csrf, form.get().field("passkey").orElse("")), outcome -> passkeyOutcome(ctx, rechecked, outcome,
                        "Passkey removed."))));
    }

    private void passkeyOutcome(RoutingContext ctx, Identity.LoggedIn in, ManagePasskeys.Outcome outcome, String done) {
        if (outcome == ManagePasskeys.Outcome.FORM_EXPIRED) {
            ErrorPages.formExpired(ctx, views);
        } else {
            page(ctx, in, 200, outcome == ManagePasskeys.Outcome.DONE ? done : null, outcome == ManagePasskeys.Outcome.DONE ? null : outcome.message(), null);
        }
    }

    void renewRecoveryCodes(RoutingContext ctx) {
        change(ctx, (in, csrf) -> manage.renewRecoveryCodes(in, csrf));
    }

    void remove(RoutingContext ctx) {
        change(ctx, (in, csrf) -> manage.remove(in, csrf));
    }

    private void change(RoutingContext ctx, BiFunction<Identity.LoggedIn, String, CompletionStage<ManageSecondFactors.Result>> change) {
        Optional<FormBody> form = form(ctx);
        if (form.isEmpty()) {
            return;
        }
        String csrf = form.get().field("csrf").orElse("");
        loggedIn(ctx, in -> recheck(ctx, in, form.get(), false, rechecked -> Responses.whenDone(ctx, change.apply(rechecked, csrf), result -> result.fold(
                renewed -> codes(ctx, rechecked, "New recovery codes", renewed.recoveryCodes(), null),
                removed -> {
                    ctx.response().addCookie(cookie.issue(ctx, removed.session().id()));
                    return page(ctx, new Identity.LoggedIn(rechecked.user(), removed.session(), Optional.empty()), 200,
                            "Two-factor authentication is off: your password alone logs you in. Your other sessions have ended.", null, null);
                },
                required -> page(ctx, rechecked, 200, null, ManageSecondFactors.Result.Required.MESSAGE, null),
                notEnrolled -> page(ctx, rechecked, 200, null, null, null),
                recheck -> page(ctx, rechecked, 200, null, RECHECK, null),
                formExpired -> formExpired(ctx)))));
    }

    /**
     * Goes on with the user's identity once they have proved who they are recently: by the
     * password in the form when it carries one (always, when {@code always}), or by their login.
     */
    private void recheck(RoutingContext ctx, Identity.LoggedIn in, FormBody form, boolean always, Consumer<Identity.LoggedIn> next) {
        Optional<String> typed = form.field("password").filter(text -> !text.isEmpty());
        String onward = LoginForms.safeNext(form.field("next"), cookie.domains());
        if (typed.isEmpty()) {
            if (always) {
                page(ctx, in, 200, null, RECHECK, onward);
            } else {
                next.accept(in);
            }
            return;
        }
        Reauthenticate.Command command = new Reauthenticate.Command(Optional.of(in.session().id()), form.field("csrf").orElse(""),
                Password.of(typed.get()), ClientAddress.of(ctx, trustedProxies));
        Responses.whenDone(ctx, reauthenticate.confirm(command), result -> result.fold(
                confirmed -> run(next, new Identity.LoggedIn(in.user(), confirmed.session(), Optional.empty())),
                wrong -> page(ctx, in, 200, null, Reauthenticate.Result.WrongPassword.MESSAGE, onward),
                throttled -> {
                    Responses.retryAfter(ctx, throttled.retryAfter());
                    return page(ctx, in, 429, null, LogInResult.Throttled.message(throttled.retryAfter()), onward);
                },
                notLoggedIn -> {
                    Responses.redirect(ctx, 303, LOGIN_THEN_HERE);
                    return null;
                },
                formExpired -> formExpired(ctx)));
    }

    private static Void run(Consumer<Identity.LoggedIn> next, Identity.LoggedIn in) {
        next.accept(in);
        return null;
    }

    private Optional<FormBody> form(RoutingContext ctx) {
        try {
            return Optional.of(FormBody.parse(ctx.body().buffer(), maxFormFields));
        } catch (FormBody.Malformed malformed) {
            ErrorPages.badRequest(ctx, views, malformed.getMessage());
            return Optional.empty();
        }
    }

    private void loggedIn(RoutingContext ctx, Consumer<Identity.LoggedIn> next) {
        identity.of(ctx, who -> who.handle(next, nobody -> flash.toLogin(ctx, nobody.sessionEnded(), LOGIN_THEN_HERE)));
    }

    private Void page(RoutingContext ctx, Identity.LoggedIn in, int status, String notice, String error, String next) {
        Responses.whenDone(ctx, manage.status(in.user()), factors -> Responses.page(ctx, status, views.twoFactor(new TwoFactorPage(frame(in),
                factors.enrolled(), factors.recoveryCodesLeft(), in.session().isRecentlyAuthenticated(now()), notice, error, next,
                factors.passkeys().stream().map(passkey -> new TwoFactorPage.PasskeyRow(passkey.handle(), passkey.name(), Ago.of(passkey.addedAt(), now()),
                        passkey.lastUsedAt().map(used -> Ago.of(used, now()).relative()).orElse("never"))).toList()))));
        return null;
    }

    private Void setupPage(RoutingContext ctx, Identity.LoggedIn in, int status, EnrolAuthenticator.Pending pending, String error, String next) {
        Responses.page(ctx, status, views.authenticatorSetup(AuthenticatorSetupPage.inAccount(frame(in), QrSvg.of(pending.key().uri()),
                pending.key().base32(), pending.token(), error, next)));
        return null;
    }

    private Void codes(RoutingContext ctx, Identity.LoggedIn in, String heading, List<String> codes, String continueTo) {
        Responses.page(ctx, 200, views.recoveryCodes(new RecoveryCodesPage(frame(in), heading, codes, siteName, continueTo)));
        return null;
    }

    private Void formExpired(RoutingContext ctx) {
        ErrorPages.formExpired(ctx, views);
        return null;
    }

    private Instant now() {
        return clock.instant();
    }

    private static Frame frame(Identity.LoggedIn in) {
        return Frame.of(in.user(), in.session(), Frame.Section.TWO_FACTOR);
    }
}
