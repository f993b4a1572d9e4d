package dev.gatehouse.app.archfixture.adapter.cli;

/** Broken on purpose: a terminal adapter that reaches for Vert.x. */
public final class TerminalThatUsesVertx {

    io.vertx.core.Vertx vertx;
}
