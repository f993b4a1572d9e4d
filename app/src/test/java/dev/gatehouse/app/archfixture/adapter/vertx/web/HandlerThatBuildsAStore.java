package dev.gatehouse.app.archfixture.adapter.vertx.web;

import dev.gatehouse.app.archfixture.adapter.vertx.driven.memory.StoreThatRendersAPage;

/** Broken on purpose: a web handler that makes its own store instead of asking a use case. */
public final class HandlerThatBuildsAStore {

    final StoreThatRendersAPage store = new StoreThatRendersAPage();
}
