package dev.gatehouse.adapter.vertx.web;

import dev.gatehouse.application.FlashMessage;
import dev.gatehouse.application.ManagePasskeys;
import dev.gatehouse.application.PasskeyLogin;
import dev.gatehouse.domain.CookieDomain;
import dev.gatehouse.domain.PasskeyCeremonies;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The passkey ceremonies' calls from {@code /static/passkeys.js}, in JSON behind the same
 * cross-site guard as the JSON API: options to add a passkey and the authenticator's answer
 * ({@code /account/passkeys...}, with the session's CSRF token), and options to sign in with one
 * and its answer ({@code /login/passkey...}). Each answer names where the page goes next.
 */
final class PasskeyApi {

    static final String ADD_OPTIONS = "/account/passkeys/options";
    static final String ADD = "/account/passkeys";
    static final String LOGIN_OPTIONS = "/login/passkey/options";
    static final String LOGIN = "/login/passkey";

    private final RequestIdentity identity;
    private final ManagePasskeys managePasskeys;
    private final PasskeyLogin passkeyLogin;
    private final SessionCookie cookie;
    private final Set<String> trustedProxies;
    private final DeviceCookie device;
    private final FlashRedirects flash;
    private final String preLoginName;

    PasskeyApi(RequestIdentity identity, WebUseCases useCases, SessionCookie cookie, Set<String> trustedProxies, DeviceCookie device,
               FlashRedirects flash) {
        this.identity = identity;
        this.managePasskeys = useCases.managePasskeys();
        this.passkeyLogin = useCases.passkeyLogin();
        this.cookie = cookie;
        this.trustedProxies = trustedProxies;
        this.device = device;
        this.flash = flash;
        this.preLoginName = cookie.companionName("gh_prelogin");
    }

    void addOptions(RoutingContext ctx) {
        identity.of(ctx, who -> who.handle(in -> {
            if (!in.session().csrfMatches(ctx.request().getHeader(SessionApi.CSRF_HEADER))) {
                ApiProblems.send(ctx, 403, "Form expired", ManagePasskeys.Outcome.FORM_EXPIRED.message());
                return;
            }
            Responses.whenDone(ctx, managePasskeys.begin(in, party(ctx)), started -> started.ifPresentOrElse(
                    begun -> started(ctx, begun.optionsJson(), begun.state()),
                    () -> ApiProblems.send(ctx, 403, "Password needed", ManagePasskeys.Outcome.RECHECK_NEEDED.message())));
        }, nobody -> ApiProblems.send(ctx, 401, "Not logged in", "Log in first.")));
    }

    void add(RoutingContext ctx) {
        JsonObject body = SessionApi.jsonObject(ctx.body().buffer());
        if (body == null || !(body.getValue("state") instanceof String state) || !(body.getValue("credential") instanceof JsonObject credential)) {
            ApiProblems.send(ctx, 400, "Bad request", "Send a JSON object with the string state, the string name and the object credential.");
            return;
        }
        String name = body.getValue("name") instanceof String typed ? typed : "";
        identity.of(ctx, who -> who.handle(in -> Responses.whenDone(ctx, managePasskeys.add(in, ctx.request().getHeader(SessionApi.CSRF_HEADER),
                state, name, credential.encode(), party(ctx)), outcome -> {
                    if (outcome == ManagePasskeys.Outcome.DONE) {
                        flash.set(ctx, FlashMessage.PASSKEY_ADDED);
                        json(ctx, new JsonObject().put("location", TwoFactorForms.PATH));
                    } else {
                        ApiProblems.send(ctx, outcome == ManagePasskeys.Outcome.FORM_EXPIRED ? 403 : 400, "Passkey not added", outcome.message());
                    }
                }), nobody -> ApiProblems.send(ctx, 401, "Not logged in", "Log in first.")));
    }

    void loginOptions(RoutingContext ctx) {
        Responses.whenDone(ctx, passkeyLogin.begin(cookie.read(ctx.request().headers()), party(ctx)),
                started -> started(ctx, started.optionsJson(), started.state()));
    }

    void logIn(RoutingContext ctx) {
        JsonObject body = SessionApi.jsonObject(ctx.body().buffer());
        if (body == null || !(body.getValue("state") instanceof String state) || !(body.getValue("credential") instanceof JsonObject credential)) {
            ApiProblems.send(ctx, 400, "Bad request", "Send a JSON object with the string state and the object credential.");
            return;
        }
        String next = LoginForms.safeNext(java.util.Optional.ofNullable(body.getValue("next") instanceof String text ? text : null), cookie.domains());
        PasskeyLogin.Command command = new PasskeyLogin.Command(cookie.read(ctx.request().headers()), state, credential.encode(), party(ctx),
                ClientAddress.of(ctx, trustedProxies), Devices.describe(ctx.request().getHeader(HttpHeaders.USER_AGENT)));
        Responses.whenDone(ctx, passkeyLogin.logIn(command), result -> {
            if (result.session().isEmpty()) {
                ApiProblems.send(ctx, 401, "Passkey not accepted", PasskeyLogin.Result.REFUSED);
                return;
            }
            ctx.response().addCookie(cookie.issue(ctx, result.session().get().id()));
            result.deviceToken().ifPresent(token -> ctx.response().addCookie(device.issue(token)));
            ctx.response().addCookie(cookie.withAttributes(Cookie.cookie(preLoginName, "")).setMaxAge(0));
            json(ctx, new JsonObject().put("location", LoginForms.back(next).value()));
        });
    }

    /**
     * Who the passkeys are for: the cookie domain that covers this host, where Gatehouse guards
     * sites below one (a passkey then works at every portal of it), else the host itself; and the
     * origin the browser reports, as this request reached the server.
     */
    private PasskeyCeremonies.Party party(RoutingContext ctx) {
        String authority = String.valueOf(ctx.request().authority());
        String host = ctx.request().authority() == null ? "localhost" : ctx.request().authority().host().toLowerCase(Locale.ROOT);
        String rpId = cookie.domains().stream().filter(domain -> domain.covers(host)).map(CookieDomain::name).findFirst().orElse(host);
        boolean https = ctx.request().isSSL() || trustedProxies.contains(ctx.request().remoteAddress().hostAddress())
                && "https".equalsIgnoreCase(ctx.request().getHeader("X-Forwarded-Proto"));
        return new PasskeyCeremonies.Party(rpId, (https ? "https://" : "http://") + authority.toLowerCase(Locale.ROOT));
    }

    private static void started(RoutingContext ctx, String optionsJson, String state) {
        json(ctx, new JsonObject().put("options", new JsonObject(optionsJson)).put("state", state));
    }

    private static void json(RoutingContext ctx, JsonObject body) {
        ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, SessionApi.JSON).putHeader(HttpHeaders.CACHE_CONTROL, "no-store").end(body.toBuffer());
    }

    static List<String> paths() {
        return List.of(ADD_OPTIONS, ADD, LOGIN_OPTIONS, LOGIN);
    }
}
