package dev.gatehouse.adapter.vertx.web;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.Utf8ByteOutput;
import io.vertx.core.buffer.Buffer;

import java.io.IOException;
import java.util.Map;
import java.io.UncheckedIOException;

/**
 * Renders the pages. The templates ({@code src/main/jte}) are compiled to Java at build time,
 * with HTML escaping chosen by context, so a value can never reach a page unescaped. Their static
 * parts are UTF-8 bytes already, so a page goes to the response without a string in between.
 */
public final class Views {

    /** More than any of our pages has; the list grows if a page ever needs more. */
    private static final int PARTS = 32;

    private final TemplateEngine engine = TemplateEngine.createPrecompiled(
            null, ContentType.Html, Views.class.getClassLoader(), Views.class.getPackageName());
    /** Set once, before the first request: the standalone server has more pages than the embedded routes. */
    private volatile Site site;

    public Views(Brand brand) {
        this.site = Site.embedded(brand);
    }

    /** For {@code gatehouse serve}: the navigation links the tutorial's pages too. */
    void withTutorialPages() {
        site = Site.standalone(site.brand());
    }

    public Buffer index(IndexPage page) {
        return render("index.jte", page);
    }

    Buffer home(HomePage page) {
        return render("home.jte", page);
    }

    Buffer login(LoginPage page) {
        return render("login.jte", page);
    }

    Buffer secondFactor(SecondFactorPage page) {
        return render("second-factor.jte", page);
    }

    Buffer twoFactor(TwoFactorPage page) {
        return render("two-factor.jte", page);
    }

    Buffer authenticatorSetup(AuthenticatorSetupPage page) {
        return render("authenticator-setup.jte", page);
    }

    Buffer recoveryCodes(RecoveryCodesPage page) {
        return render("recovery-codes.jte", page);
    }

    Buffer password(PasswordPage page) {
        return render("password.jte", page);
    }

    Buffer sessions(SessionsPage page) {
        return render("sessions.jte", page);
    }

    Buffer logout(LogoutPage page) {
        return render("logout.jte", page);
    }

    Buffer message(MessagePage page) {
        return render("message.jte", page);
    }

    private Buffer render(String template, Object page) {
        // The argument is how many parts a page is made of (static bytes and values), not its size.
        Utf8ByteOutput output = new Utf8ByteOutput(PARTS);
        engine.render(template, Map.of("page", page, "site", site), output);
        Buffer bytes = Buffer.buffer(output.getContentLength());
        try {
            output.writeTo(bytes::appendBytes);
        } catch (IOException impossible) {
            throw new UncheckedIOException("a buffer in memory cannot fail to take bytes", impossible);
        }
        return bytes;
    }
}
