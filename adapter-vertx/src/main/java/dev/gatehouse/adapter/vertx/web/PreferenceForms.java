package dev.gatehouse.adapter.vertx.web;

import dev.gatehouse.application.SavePreference;
import dev.gatehouse.domain.LocalPath;
import io.vertx.ext.web.RoutingContext;

import java.util.Map;
import java.util.Set;

/** {@code POST /home/preferences}: the home page's preferences, each saved on its own in the session. */
final class PreferenceForms {

    private static final LocalPath HOME = new LocalPath("/home");
    private static final LocalPath LOGIN_THEN_HOME = new LocalPath("/login?next=%2Fhome");
    /** What the page offers; anything else is a malformed form. */
    static final String THEME = "theme";
    static final String LANGUAGE = "language";
    private static final Map<String, Set<String>> CHOICES = Map.of(THEME, Set.of("light", "dark"), LANGUAGE, Set.of("en", "fr"));

    private final SavePreference savePreference;
    private final SessionCookie cookie;
    private final Views views;
    private final int maxFormFields;

    PreferenceForms(SavePreference savePreference, SessionCookie cookie, Views views, int maxFormFields) {
        this.savePreference = savePreference;
        this.cookie = cookie;
        this.views = views;
        this.maxFormFields = maxFormFields;
    }

    void submit(RoutingContext ctx) {
        String csrf;
        String name;
        String value;
        try {
            FormBody form = FormBody.parse(ctx.body().buffer(), maxFormFields);
            csrf = form.required("csrf");
            name = form.required("name");
            value = form.required("value");
        } catch (FormBody.Malformed malformed) {
            ErrorPages.badRequest(ctx, views, malformed.getMessage());
            return;
        }
        if (!CHOICES.getOrDefault(name, Set.of()).contains(value)) {
            ErrorPages.badRequest(ctx, views, "There is no such preference.");
            return;
        }
        Responses.whenDone(ctx, savePreference.save(cookie.read(ctx.request().headers()), csrf, name, value), result -> {
            // A switch expression, so that a new outcome fails to compile here.
            Runnable answer = switch (result) {
                case SAVED -> () -> Responses.redirect(ctx, 303, HOME);
                case NOT_LOGGED_IN -> () -> Responses.redirect(ctx, 303, LOGIN_THEN_HOME);
                case FORM_EXPIRED -> () -> ErrorPages.formExpired(ctx, views);
                case INVALID -> () -> ErrorPages.badRequest(ctx, views, "There is no such preference.");
            };
            answer.run();
        });
    }
}
