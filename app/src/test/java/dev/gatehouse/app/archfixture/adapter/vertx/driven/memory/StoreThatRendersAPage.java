package dev.gatehouse.app.archfixture.adapter.vertx.driven.memory;

/** Broken on purpose: a driven store that reaches back into the web side. */
public final class StoreThatRendersAPage {

    Object page() {
        return dev.gatehouse.app.archfixture.adapter.vertx.web.HandlerThatBuildsAStore.class;
    }
}
