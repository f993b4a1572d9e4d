package dev.gatehouse.app;

import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The hexagon's rules, for any base package: {@link ArchitectureTest} applies them to Gatehouse,
 * and {@link ArchitectureRulesTest} shows each one failing on a deliberately broken fixture.
 */
final class ArchitectureRules {

    private ArchitectureRules() {
    }

    static ArchRule domainDependsOnlyOnTheJdk(String base) {
        return classes().that().resideInAPackage(base + ".domain..")
                .should().onlyDependOnClassesThat().resideInAnyPackage(base + ".domain..", "java..")
                .because("the domain is the language of sessions and login, and nothing else");
    }

    static ArchRule applicationDependsOnlyOnTheDomainAndTheJdk(String base) {
        return classes().that().resideInAPackage(base + ".application..")
                .should().onlyDependOnClassesThat().resideInAnyPackage(base + ".application..", base + ".domain..", "java..");
    }

    static ArchRule coreKnowsNoFramework(String base) {
        return noClasses().that().resideInAnyPackage(base + ".domain..", base + ".application..")
                .should().dependOnClassesThat().resideInAnyPackage("io.vertx..", "io.netty..", "picocli..", "org.jline..", "org.slf4j..")
                .because("the core is driven by the web and the terminal alike");
    }

    static ArchRule adaptersDoNotKnowEachOther(String base) {
        return noClasses().that().resideInAPackage(base + ".adapter.cli..")
                .should().dependOnClassesThat().resideInAnyPackage(base + ".adapter.vertx..", "io.vertx..")
                .orShould().dependOnClassesThat().resideInAPackage(base + ".app..");
    }

    static ArchRule vertxAdapterDoesNotKnowTheTerminalOrTheRoot(String base) {
        return noClasses().that().resideInAPackage(base + ".adapter.vertx..")
                .should().dependOnClassesThat().resideInAnyPackage(base + ".adapter.cli..", base + ".app..", "picocli..");
    }

    /** Adapters reach the core only through use cases (application) and ports and values (domain), never the reverse. */
    static ArchRule coreDoesNotKnowTheAdapters(String base) {
        return noClasses().that().resideInAnyPackage(base + ".domain..", base + ".application..")
                .should().dependOnClassesThat().resideInAnyPackage(base + ".adapter..", base + ".app..");
    }

    static ArchRule noPackageCycles(String base) {
        return slices().matching(base + ".(**)").should().beFreeOfCycles();
    }
}
