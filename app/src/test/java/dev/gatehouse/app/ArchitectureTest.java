package dev.gatehouse.app;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The hexagon, checked on every build: the app module's tests see the classes of every module. */
@AnalyzeClasses(packages = "dev.gatehouse", importOptions = {ImportOption.DoNotIncludeTests.class, ArchitectureTest.NoFixtures.class})
class ArchitectureTest {

    private static final String BASE = "dev.gatehouse";

    @ArchTest
    static final ArchRule the_domain_depends_only_on_the_jdk = ArchitectureRules.domainDependsOnlyOnTheJdk(BASE);

    @ArchTest
    static final ArchRule the_application_depends_only_on_the_domain_and_the_jdk =
            ArchitectureRules.applicationDependsOnlyOnTheDomainAndTheJdk(BASE);

    @ArchTest
    static final ArchRule the_core_knows_no_framework = ArchitectureRules.coreKnowsNoFramework(BASE);

    @ArchTest
    static final ArchRule the_core_does_not_know_the_adapters = ArchitectureRules.coreDoesNotKnowTheAdapters(BASE);

    @ArchTest
    static final ArchRule the_terminal_knows_nothing_of_vertx = ArchitectureRules.adaptersDoNotKnowEachOther(BASE);

    @ArchTest
    static final ArchRule the_vertx_adapter_knows_nothing_of_the_terminal = ArchitectureRules.vertxAdapterDoesNotKnowTheTerminalOrTheRoot(BASE);

    @ArchTest
    static final ArchRule there_are_no_package_cycles = ArchitectureRules.noPackageCycles(BASE);

    /** Leaves out the broken-on-purpose classes of {@link ArchitectureRulesTest}, and test helpers shared as test-jars. */
    static final class NoFixtures implements ImportOption {
        @Override
        public boolean includes(Location location) {
            return !location.contains("/archfixture/") && !location.contains("-tests.jar");
        }
    }
}
