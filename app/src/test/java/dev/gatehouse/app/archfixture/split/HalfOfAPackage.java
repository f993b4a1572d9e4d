package dev.gatehouse.app.archfixture.split;

/** One half of a package split on purpose: ArchitectureRulesTest compiles the other half into a place of its own. */
public final class HalfOfAPackage {
}
