package dev.gatehouse.app;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The hexagon's rules that the Maven module graph does not enforce, for any base package:
 * {@link ArchitectureTest} applies them to Gatehouse, and {@link ArchitectureRulesTest} shows each
 * one failing on classes broken on purpose. Where a rule also follows from the modules (the pure
 * core), it is kept because a dependency added to a pom would otherwise pass in silence.
 */
final class ArchitectureRules {

    private ArchitectureRules() {
    }

    static ArchRule domainDependsOnlyOnTheJdk(String base) {
        return classes().that().resideInAPackage(base + ".domain..")
                .should().onlyDependOnClassesThat().resideInAnyPackage(base + ".domain..", "java..")
                .because("the domain is the language of sessions and login, and nothing else, whatever a pom says");
    }

    static ArchRule coreKnowsNoFrameworkAndNoAdapter(String base) {
        return classes().that().resideInAPackage(base + ".application..")
                .should().onlyDependOnClassesThat().resideInAnyPackage(base + ".application..", base + ".domain..", "java..")
                .because("the use cases are driven by the web and the terminal alike, and drive ports, never a store itself");
    }

    /** The seam inside adapter-vertx, which no module boundary guards. */
    static ArchRule webReachesTheCoreOnlyThroughUseCasesAndPorts(String base) {
        return noClasses().that().resideInAPackage(base + ".adapter.vertx.web..")
                .should().dependOnClassesThat().resideInAPackage(base + ".adapter.vertx.driven..")
                .because("the web translates requests into use cases and answers back; which store holds what is the composition root's "
                        + "business, so a handler never makes or calls a store implementation itself");
    }

    /** The public configuration: what an application embedding Gatehouse builds, and the terminal's options fill in. */
    static ArchRule configurationBelongsToNoAdapter(String base) {
        return noClasses().that().resideInAPackage(base + ".app.config..")
                .should().dependOnClassesThat().resideInAnyPackage(base + ".adapter.cli..", base + ".adapter.vertx.driven..", base + ".app.wiring..",
                        "picocli..", "io.vertx..")
                .because("an application that embeds Gatehouse configures it without the terminal's parser, a store's class or the wiring; "
                        + "the web listener's own settings are the one adapter type it names");
    }

    static ArchRule drivenAdaptersNeverReachDrivingOnes(String base) {
        return noClasses().that().resideInAPackage(base + ".adapter.vertx.driven..")
                .should().dependOnClassesThat().resideInAnyPackage(base + ".adapter.vertx.web..", base + ".adapter.cli..")
                .because("a store serves the core through its port, whoever drives the core");
    }

    /** Every package lives in one module: a package split across two jars is a seam nobody can see from a path. */
    static ArchRule noSplitPackages() {
        return classes().should(new ArchCondition<>("live in one module with the rest of their package") {
            private final Map<String, String> moduleOfPackage = new HashMap<>();

            @Override
            public void init(Collection<JavaClass> all) {
                for (JavaClass javaClass : all) {
                    moduleOfPackage.putIfAbsent(javaClass.getPackageName(), moduleOf(javaClass));
                }
            }

            @Override
            public void check(JavaClass javaClass, ConditionEvents events) {
                String module = moduleOf(javaClass);
                if (!module.equals(moduleOfPackage.get(javaClass.getPackageName()))) {
                    events.add(SimpleConditionEvent.violated(javaClass, javaClass.getName() + " is in " + module + ", the rest of "
                            + javaClass.getPackageName() + " in " + moduleOfPackage.get(javaClass.getPackageName())));
                }
            }
        });
    }

    /** Where a class was loaded from, up to its module's classes directory or jar. */
    private static String moduleOf(JavaClass javaClass) {
        String location = javaClass.getSource().map(source -> source.getUri().toString()).orElse("?");
        int classes = location.indexOf("/target/");
        if (classes >= 0) {
            return location.substring(0, classes);
        }
        int jar = location.indexOf(".jar!");
        return jar >= 0 ? location.substring(0, jar + 4) : location.substring(0, Math.max(0, location.length()
                - javaClass.getName().length() - ".class".length()));
    }

    static ArchRule noPackageCycles(String base) {
        return slices().matching(base + ".(**)").should().beFreeOfCycles();
    }
}
