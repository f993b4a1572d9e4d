package dev.gatehouse.adapter.vertx.web;

import dev.gatehouse.application.EndOwnSessionsCommand;
import dev.gatehouse.application.EndOwnSessions;
import dev.gatehouse.application.ListOwnSessions;
import dev.gatehouse.domain.LocalPath;
import dev.gatehouse.domain.SessionSummary;
import io.vertx.ext.web.RoutingContext;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** {@code GET /sessions} and {@code POST /sessions/end}: a user sees where they are logged in, and ends what they do not recognise. */
final class SessionPages {

    private static final LocalPath HERE = new LocalPath("/sessions");
    private static final LocalPath LOGIN_THEN_HERE = new LocalPath("/login?next=%2Fsessions");

    private final ListOwnSessions listOwnSessions;
    private final EndOwnSessions endOwnSessions;
    private final SessionCookie cookie;
    private final RequestIdentity identity;
    private final Views views;
    private final int maxFormFields;

    SessionPages(RequestIdentity identity, ListOwnSessions listOwnSessions, EndOwnSessions endOwnSessions, SessionCookie cookie, Views views,
                 int maxFormFields) {
        this.identity = identity;
        this.listOwnSessions = listOwnSessions;
        this.endOwnSessions = endOwnSessions;
        this.cookie = cookie;
        this.views = views;
        this.maxFormFields = maxFormFields;
    }

    void show(RoutingContext ctx) {
        identity.of(ctx, who -> who.handle(in -> Responses.whenDone(ctx, listOwnSessions.of(in), own ->
                Responses.page(ctx, 200, views.sessions(new SessionsPage(own.csrfToken(), own.user().value(), own.sessions().stream()
                        .map(session -> row(session, own.currentHandle())).toList())))),
                nobody -> Responses.redirect(ctx, 302, LOGIN_THEN_HERE)));
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

    private static SessionsPage.Row row(SessionSummary session, String currentHandle) {
        String device = session.device().isEmpty() ? session.channel().label() : session.device();
        return new SessionsPage.Row(session.handle(), device, time(session.createdAt()), time(session.lastSeenAt()),
                session.handle().equals(currentHandle));
    }

    private static String time(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MINUTES).toString().replace('T', ' ').replace("Z", "");
    }
}
