package dev.gatehouse.adapter.vertx.web;

import dev.gatehouse.application.IdentifyCommand;
import dev.gatehouse.application.Identify;
import dev.gatehouse.application.Identity;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

import java.util.Set;
import java.util.function.Consumer;

/**
 * The web's side of "who is this request": hands the core ({@link Identify}) the credentials the
 * request brought, and carries out what the answer means for the browser's cookies: a session
 * restored from a remembered login gets its session cookie and the rotated remember-me cookie, a
 * refused remember-me token is forgotten. It decides nothing itself.
 */
final class RequestIdentity {

    private final Identify identify;
    private final SessionCookie cookie;
    private final RememberMeCookie remember;
    private final TrustCookie trust;
    private final Set<String> trustedProxies;

    RequestIdentity(Identify identify, SessionCookie cookie, RememberMeCookie remember, TrustCookie trust, Set<String> trustedProxies) {
        this.identify = identify;
        this.trust = trust;
        this.cookie = cookie;
        this.remember = remember;
        this.trustedProxies = trustedProxies;
    }

    void of(RoutingContext ctx, Consumer<Identity> next) {
        IdentifyCommand command = new IdentifyCommand(cookie.read(ctx.request().headers()), () -> remember.read(ctx)
                .map(token -> new IdentifyCommand.Remembered(token, ClientAddress.of(ctx, trustedProxies),
                        Devices.describe(ctx.request().getHeader(HttpHeaders.USER_AGENT)), trust.read(ctx))));
        Responses.whenDone(ctx, identify.identify(command), identity -> {
            identity.handle(
                    in -> in.rotatedToken().ifPresent(token -> ctx.response().addCookie(cookie.issue(ctx, in.session().id())).addCookie(remember.issue(token))),
                    nobody -> {
                        if (nobody.rememberedRefused()) {
                            ctx.response().addCookie(remember.clear());
                        }
                        nobody.halfway().ifPresent(halfway -> ctx.response().addCookie(cookie.issue(ctx, halfway.session().id()))
                                .addCookie(remember.issue(halfway.rotatedToken())));
                    });
            next.accept(identity);
        });
    }
}
