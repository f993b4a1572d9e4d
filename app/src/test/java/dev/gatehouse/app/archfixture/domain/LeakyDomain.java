package dev.gatehouse.app.archfixture.domain;

import dev.gatehouse.app.archfixture.application.CyclicUseCase;

/** Broken on purpose: a domain class that speaks Vert.x and knows a use case. */
public final class LeakyDomain {

    public io.vertx.core.Future<String> name() {
        return io.vertx.core.Future.succeededFuture(new CyclicUseCase().toString());
    }
}
