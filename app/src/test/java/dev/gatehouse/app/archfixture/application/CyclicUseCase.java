package dev.gatehouse.app.archfixture.application;

import dev.gatehouse.app.archfixture.domain.LeakyDomain;

/** Broken on purpose: a use case that depends on an adapter, closing a cycle through the domain. */
public final class CyclicUseCase {

    LeakyDomain domain;
    dev.gatehouse.app.archfixture.adapter.cli.TerminalThatUsesVertx adapter;
}
