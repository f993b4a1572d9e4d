package dev.gatehouse.adapter.vertx.web;

import dev.gatehouse.application.CompleteLogin;
import dev.gatehouse.application.CompleteLoginCommand;
import dev.gatehouse.application.CompleteLoginResult;
import dev.gatehouse.application.FlashMessage;
import dev.gatehouse.application.VerifySecondFactorResult;
import dev.gatehouse.application.Identity;
import dev.gatehouse.application.ListOwnSessions;
import dev.gatehouse.application.LogIn;
import dev.gatehouse.application.LogInCommand;
import dev.gatehouse.application.LogOut;
import dev.gatehouse.application.LogOutCommand;
import dev.gatehouse.application.LogInResult;
import dev.gatehouse.domain.Channel;
import dev.gatehouse.domain.Password;
import dev.gatehouse.domain.RememberMeToken;
import dev.gatehouse.domain.Session;
import dev.gatehouse.domain.SessionSummary;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The JSON API beside the pages, for single-page apps and scripts, under the same rules: bodies
 * only as {@code application/json} (which no cross-site form can send) behind the same Origin
 * check, the session's CSRF token in the {@code X-CSRF-Token} header of every call that changes
 * something for a session, the same throttle, and errors as problem details. Described in
 * {@code openapi.yaml}, served at {@code /api/openapi.yaml}.
 */
final class SessionApi {

    static final String CSRF_HEADER = "X-CSRF-Token";
    static final String JSON = "application/json";

    private final LogIn logIn;
    private final CompleteLogin completeLogin;
    private final LogOut logOut;
    private final ListOwnSessions listOwnSessions;
    private final SessionCookie cookie;
    private final Set<String> trustedProxies;
    private final RememberMeCookie remember;

    private final DeviceCookie device;
    private final TrustCookie trust;

    private final RequestIdentity identity;

    SessionApi(RequestIdentity identity, WebUseCases useCases, SessionCookie cookie, Set<String> trustedProxies, RememberMeCookie remember,
               DeviceCookie device, TrustCookie trust) {
        this.trust = trust;
        this.identity = identity;
        this.device = device;
        this.remember = remember;
        this.logIn = useCases.logIn();
        this.completeLogin = useCases.completeLogin();
        this.logOut = useCases.logOut();
        this.listOwnSessions = useCases.listOwnSessions();
        this.cookie = cookie;
        this.trustedProxies = trustedProxies;
    }

    /** {@code POST /api/session}: log in with {@code {"username": ..., "password": ..., "remember": false}}. */
    void logIn(RoutingContext ctx) {
        JsonObject body = jsonObject(ctx.body().buffer());
        if (body == null || !(body.getValue("username") instanceof String username) || !(body.getValue("password") instanceof String password)) {
            ApiProblems.send(ctx, 400, "Bad request", "Send a JSON object, in UTF-8, with the string fields username and password.");
            return;
        }
        Object rememberField = body.getValue("remember");
        if (rememberField != null && !(rememberField instanceof Boolean)) {
            ApiProblems.send(ctx, 400, "Bad request", "remember, when sent, is true or false.");
            return;
        }
        boolean rememberMe = Boolean.TRUE.equals(rememberField);
        LogInCommand command = new LogInCommand(cookie.read(ctx.request().headers()), Optional.empty(), ctx.request().getHeader(CSRF_HEADER),
                username, Password.of(password), ClientAddress.of(ctx, trustedProxies), Channel.WEB,
                Devices.describe(ctx.request().getHeader(HttpHeaders.USER_AGENT)), device.read(ctx), trust.read(ctx));
        Responses.whenDone(ctx, logIn.logInWithoutForm(command), result -> {
            result.handle(loggedIn -> {
                ctx.response().addCookie(cookie.issue(ctx, loggedIn.session().id()));
                ctx.response().addCookie(device.issue(loggedIn.deviceToken()));
                if (rememberMe) {
                    remember.remember(ctx, loggedIn.session(), () -> json(ctx, 200, whoAmI(loggedIn.session())));
                } else {
                    json(ctx, 200, whoAmI(loggedIn.session()));
                }
            }, halfway -> {
                if (halfway.enrolFirst()) {
                    // Setting up needs a QR code and a page: the half-way session ends on its own in minutes, unused.
                    ApiProblems.send(ctx, 403, "Second factor to set up", "This account needs two-factor authentication, which it does not have "
                            + "yet: log in once in a browser, at /login, to set it up.");
                    return;
                }
                ctx.response().addCookie(cookie.issue(ctx, halfway.session().id()));
                JsonArray methods = new JsonArray();
                halfway.methods().forEach(method -> methods.add(method.label()));
                json(ctx, 200, new JsonObject().put("secondFactorRequired", true).put("methods", methods)
                        .put("csrfToken", halfway.session().csrfToken().value()));
            }, rejected -> ApiProblems.send(ctx, 401, LogInResult.Rejected.MESSAGE,
                    "Check the username and the password; repeated failures make the next attempts wait."), throttled -> {
                Responses.retryAfter(ctx, throttled.retryAfter());
                ApiProblems.send(ctx, 429, "Too many failed login attempts", LogInResult.Throttled.message(throttled.retryAfter()));
            }, expired -> csrfRefused(ctx));
        });
    }

    /**
     * {@code POST /api/session/second-factor}: the second step of a login that answered
     * {@code secondFactorRequired}, with {@code {"code": ..., "remember": false}} and the half-way
     * session's token in the header.
     */
    void secondFactor(RoutingContext ctx) {
        JsonObject body = jsonObject(ctx.body().buffer());
        if (body == null || !(body.getValue("code") instanceof String code)) {
            ApiProblems.send(ctx, 400, "Bad request", "Send a JSON object, in UTF-8, with the string field code.");
            return;
        }
        Object rememberField = body.getValue("remember");
        Object trustField = body.getValue("trustBrowser");
        if (rememberField != null && !(rememberField instanceof Boolean) || trustField != null && !(trustField instanceof Boolean)) {
            ApiProblems.send(ctx, 400, "Bad request", "remember and trustBrowser, when sent, are true or false.");
            return;
        }
        boolean rememberMe = Boolean.TRUE.equals(rememberField);
        CompleteLoginCommand command = new CompleteLoginCommand(cookie.read(ctx.request().headers()), ctx.request().getHeader(CSRF_HEADER), code,
                ClientAddress.of(ctx, trustedProxies), device.read(ctx), Boolean.TRUE.equals(trustField),
                Devices.describe(ctx.request().getHeader(HttpHeaders.USER_AGENT)));
        Responses.whenDone(ctx, completeLogin.complete(command), result -> result.fold(loggedIn -> {
            ctx.response().addCookie(cookie.issue(ctx, loggedIn.session().id()));
            ctx.response().addCookie(device.issue(loggedIn.deviceToken()));
            loggedIn.trustToken().ifPresent(token -> ctx.response().addCookie(trust.issue(token)));
            JsonObject who = whoAmI(loggedIn.session()).put("recoveryCodesLeft", loggedIn.recoveryCodesLeft());
            if (rememberMe) {
                remember.remember(ctx, loggedIn.session(), () -> json(ctx, 200, who));
            } else {
                json(ctx, 200, who);
            }
            return null;
        }, wrong -> {
            ApiProblems.send(ctx, 401, "Code not right", VerifySecondFactorResult.Wrong.MESSAGE);
            return null;
        }, throttled -> {
            Responses.retryAfter(ctx, throttled.retryAfter());
            ApiProblems.send(ctx, 429, "Too many failed login attempts", LogInResult.Throttled.message(throttled.retryAfter()));
            return null;
        }, again -> {
            ApiProblems.send(ctx, 401, "No login to finish", CompleteLoginResult.LogInAgain.MESSAGE + " (POST /api/session)");
            return null;
        }, expired -> {
            csrfRefused(ctx);
            return null;
        }));
    }

    /** {@code GET /api/session}: who is logged in with this session, and the token its calls must carry. */
    void whoAmI(RoutingContext ctx) {
        identity.of(ctx, who -> who.handle(in -> json(ctx, 200, whoAmI(in.session())), nobody -> notLoggedIn(ctx, nobody)));
    }

    /** {@code DELETE /api/session}: log out. Without a live session there is nothing to end, and it still succeeds. */
    void logOut(RoutingContext ctx) {
        Optional<RememberMeToken> remembered = remember.read(ctx);
        LogOutCommand command = new LogOutCommand(cookie.read(ctx.request().headers()), ctx.request().getHeader(CSRF_HEADER), remembered);
        Responses.whenDone(ctx, logOut.logOut(command), result -> {
            result.handle(loggedOut -> {
                ctx.response().addCookie(cookie.clear(ctx));
                remembered.ifPresent(forgotten -> ctx.response().addCookie(remember.clear()));
                ctx.response().setStatusCode(204).putHeader(HttpHeaders.CACHE_CONTROL, "no-store").end();
            }, expired -> csrfRefused(ctx));
        });
    }

    /** {@code GET /api/sessions}: the caller's own live sessions, on every device. */
    void sessions(RoutingContext ctx) {
        identity.of(ctx, who -> who.handle(in -> Responses.whenDone(ctx, listOwnSessions.of(in), own -> listed(ctx, own)), nobody -> notLoggedIn(ctx, nobody)));
    }

    private static void listed(RoutingContext ctx, ListOwnSessions.OwnSessions own) {
        JsonArray sessions = new JsonArray();
        for (SessionSummary session : own.sessions()) {
            sessions.add(new JsonObject()
                    .put("handle", session.handle())
                    .put("channel", session.channel().name().toLowerCase(Locale.ROOT))
                    .put("device", session.device())
                    .put("createdAt", session.createdAt().toString())
                    .put("lastSeenAt", session.lastSeenAt().toString())
                    .put("current", session.handle().equals(own.currentHandle())));
        }
        json(ctx, 200, new JsonObject().put("username", own.user().value()).put("sessions", sessions));
    }

    private static JsonObject whoAmI(Session session) {
        return new JsonObject().put("username", session.user().orElseThrow().value()).put("csrfToken", session.csrfToken().value())
                .put("fresh", session.isFresh()).put("authenticatedWith", session.authMethod().label())
                .put("authenticatedAt", session.authenticatedAt().toString());
    }

    /** The body as a JSON object, or null when it is not one (malformed, an array, a bare value). */
    /**
     * The body as a JSON object, or null. The bytes are decoded as strict UTF-8 first: the JSON
     * parser alone would read an overlong or invalid sequence as some other character, so that
     * one name could be written many ways.
     */
    static JsonObject jsonObject(Buffer body) {
        if (body == null || body.length() == 0) {
            return null;
        }
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body.getBytes()))
                    .toString();
            return Json.decodeValue(text) instanceof JsonObject object ? object : null;
        } catch (CharacterCodingException | RuntimeException malformed) {
            return null;
        }
    }

    private static void json(RoutingContext ctx, int status, JsonObject body) {
        ctx.response().setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, JSON)
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
                .end(body.toBuffer());
    }

    /** 401; when the request's session has ended, the detail says why, as the pages do. */
    private static void notLoggedIn(RoutingContext ctx, Identity.Anonymous nobody) {
        ApiProblems.send(ctx, 401, "Not logged in", nobody.sessionEnded()
                .map(why -> FlashMessage.sessionEnded(why).text() + " (POST /api/session)")
                .orElse("Log in with POST /api/session."));
    }

    private static void csrfRefused(RoutingContext ctx) {
        ApiProblems.send(ctx, 403, "CSRF token missing or wrong",
                "Calls made with a session carry its csrfToken (from GET /api/session) in the " + CSRF_HEADER + " header.");
    }
}
