package dev.gatehouse.adapter.vertx.web;

/** A page that only says something (errors, "this form has expired"); the link may be null. */
public record MessagePage(String title, String message, String linkHref, String linkText) {

    MessagePage(String title, String message) {
        this(title, message, null, null);
    }
}
