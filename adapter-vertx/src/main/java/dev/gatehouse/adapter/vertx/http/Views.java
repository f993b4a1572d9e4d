package dev.gatehouse.adapter.vertx.http;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;

/**
 * Renders the pages. The templates ({@code src/main/jte}) are compiled to Java at build time,
 * with HTML escaping chosen by context, so a value can never reach a page unescaped.
 */
final class Views {

    private final TemplateEngine engine = TemplateEngine.createPrecompiled(
            null, ContentType.Html, Views.class.getClassLoader(), Views.class.getPackageName());

    String index(IndexPage page) {
        return render("index.jte", page);
    }

    String home(HomePage page) {
        return render("home.jte", page);
    }

    String login(LoginPage page) {
        return render("login.jte", page);
    }

    String logout(LogoutPage page) {
        return render("logout.jte", page);
    }

    String message(MessagePage page) {
        return render("message.jte", page);
    }

    private String render(String template, Object page) {
        StringOutput output = new StringOutput(1024);
        engine.render(template, page, output);
        return output.toString();
    }
}
