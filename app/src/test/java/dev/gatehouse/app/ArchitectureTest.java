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
    static final ArchRule the_core_knows_no_framework_and_no_adapter = ArchitectureRules.coreKnowsNoFrameworkAndNoAdapter(BASE);

    @ArchTest
    static final ArchRule the_web_reaches_the_core_only_through_use_cases_and_ports =
            ArchitectureRules.webReachesTheCoreOnlyThroughUseCasesAndPorts(BASE);

    @ArchTest
    static final ArchRule the_configuration_belongs_to_no_adapter = ArchitectureRules.configurationBelongsToNoAdapter(BASE);

    @ArchTest
    static final ArchRule driven_adapters_never_reach_driving_ones = ArchitectureRules.drivenAdaptersNeverReachDrivingOnes(BASE);

    @ArchTest
    static final ArchRule no_package_is_split_across_modules = ArchitectureRules.noSplitPackages();

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
