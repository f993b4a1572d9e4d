package dev.gatehouse.adapter.vertx.web;

import dev.gatehouse.application.ManageSecondFactors;
import java.time.ZoneOffset;
import dev.gatehouse.application.EndOwnSessionsCommand;
import dev.gatehouse.application.EndOwnSessions;
import dev.gatehouse.application.ListOwnSessions;
import dev.gatehouse.domain.LocalPath;
import dev.gatehouse.domain.SessionSummary;
import io.vertx.ext.web.RoutingContext;

import java.time.Instant;
import java.util.List;
import java.util.Comparator;
import java.time.Clock;

/** {@code GET /sessions} and {@code POST /sessions/end}: a user sees where they are logged in, and ends what they do not recognise. */
final class SessionPages {

    private static final LocalPath HERE = new LocalPath("/sessions");
    private static final LocalPath LOGIN_THEN_HERE = new LocalPath("/login?next=%2Fsessions");

    private final ListOwnSessions listOwnSessions;
    private final EndOwnSessions endOwnSessions;
    private final ManageSecondFactors manageSecondFactors;
    /** What "5 minutes ago" counts from. */
    private final Clock clock;
    private final SessionCookie cookie;
    private final RequestIdentity identity;
    private final Views views;
    private final int maxFormFields;

    SessionPages(RequestIdentity identity, ListOwnSessions listOwnSessions, EndOwnSessions endOwnSessions, ManageSecondFactors manageSecondFactors,
                 SessionCookie cookie, Views views, int maxFormFields, Clock clock) {
        this.manageSecondFactors = manageSecondFactors;
        this.clock = clock;
        this.identity = identity;
        this.listOwnSessions = listOwnSessions;
        this.endOwnSessions = endOwnSessions;
        this.cookie = cookie;
        this.views = views;
        this.maxFormFields = maxFormFields;
    }

    void show(RoutingContext ctx) {
        identity.of(ctx, who -> who.handle(in -> Responses.whenDone(ctx, listOwnSessions.of(in), own ->
                Responses.whenDone(ctx, manageSecondFactors.status(in.user()), factors -> {
                    Instant now = clock.instant();
                    Responses.page(ctx, 200, views.sessions(new SessionsPage(Frame.of(in.user(), in.session(), Frame.Section.SESSIONS),
                            rows(own.sessions(), own.currentHandle(), now), factors.trustedBrowsers().stream()
                            .map(browser -> new SessionsPage.Trusted(browser.handle(), browser.label(), Ago.of(browser.since(), now),
                                    browser.until().atZone(ZoneOffset.UTC).toLocalDate().toString())).toList())));
                })),
                nobody -> Responses.redirect(ctx, 302, LOGIN_THEN_HERE)));
    }

    /** {@code POST /sessions/untrust}: the browser of this handle asks for the code again at its next login. */
    void untrust(RoutingContext ctx) {
        String csrf;
        String which;
        try {
            FormBody form = FormBody.parse(ctx.body().buffer(), maxFormFields);
            csrf = form.required("csrf");
            which = form.required("browser");
        } catch (FormBody.Malformed malformed) {
            ErrorPages.badRequest(ctx, views, malformed.getMessage());
            return;
        }
        identity.of(ctx, who -> who.handle(in -> Responses.whenDone(ctx, manageSecondFactors.forgetBrowser(in, csrf, which), forgotten -> {
            switch (forgotten) {
                case FORGOTTEN, NOT_FOUND -> Responses.redirect(ctx, 303, HERE);
                case FORM_EXPIRED -> ErrorPages.formExpired(ctx, views);
            }
        }), nobody -> Responses.redirect(ctx, 303, LOGIN_THEN_HERE)));
    }

    void end(RoutingContext ctx) {
        String csrf;
        String which;
        try {
            FormBody form = FormBody.parse(ctx.body().buffer(), maxFormFields);
            csrf = form.required("csrf");
            which = form.required("session");
        } catch (FormBody.Malformed malformed) {
            ErrorPages.badRequest(ctx, views, malformed.getMessage());
            return;
        }
        EndOwnSessionsCommand.Which target = which.equals("others") ? new EndOwnSessionsCommand.Which.AllOthers() : new EndOwnSessionsCommand.Which.One(which);
        EndOwnSessionsCommand command = new EndOwnSessionsCommand(cookie.read(ctx.request().headers()), csrf, target);
        Responses.whenDone(ctx, endOwnSessions.end(command), result -> result.handle(
                ended -> Responses.redirect(ctx, 303, HERE),
                notLoggedIn -> Responses.redirect(ctx, 303, LOGIN_THEN_HERE),
                formExpired -> ErrorPages.formExpired(ctx, views)));
    }

    /** This device first, then the others by when they were last seen, most recent first. */
    private static List<SessionsPage.Row> rows(List<SessionSummary> sessions, String currentHandle, Instant now) {
        return sessions.stream()
                .sorted(Comparator.comparing((SessionSummary session) -> !session.handle().equals(currentHandle))
                        .thenComparing(SessionSummary::lastSeenAt, Comparator.reverseOrder()))
                .map(session -> new SessionsPage.Row(session.handle(), session.device().isEmpty() ? session.channel().label() : session.device(),
                        Ago.of(session.createdAt(), now), Ago.of(session.lastSeenAt(), now), session.handle().equals(currentHandle)))
                .toList();
    }
}
