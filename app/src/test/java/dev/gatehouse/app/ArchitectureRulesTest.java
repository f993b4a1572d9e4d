package dev.gatehouse.app;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Shows that each architecture rule does fail when it is broken, on classes broken on purpose. */
class ArchitectureRulesTest {

    private static final String FIXTURE = "dev.gatehouse.app.archfixture";
    private static final JavaClasses BROKEN = new ClassFileImporter().importPackages(FIXTURE);

    @Test
    void givenBrokenClasses_thenEveryRuleReportsAViolation() {
        List<ArchRule> rules = List.of(
                ArchitectureRules.domainDependsOnlyOnTheJdk(FIXTURE),
                ArchitectureRules.applicationDependsOnlyOnTheDomainAndTheJdk(FIXTURE),
                ArchitectureRules.coreKnowsNoFramework(FIXTURE),
                ArchitectureRules.coreDoesNotKnowTheAdapters(FIXTURE),
                ArchitectureRules.adaptersDoNotKnowEachOther(FIXTURE),
                ArchitectureRules.noPackageCycles(FIXTURE));
        assertTrue(BROKEN.size() >= 3);
        for (ArchRule rule : rules) {
            assertThrows(AssertionError.class, () -> rule.check(BROKEN), rule.getDescription());
        }
    }
}
