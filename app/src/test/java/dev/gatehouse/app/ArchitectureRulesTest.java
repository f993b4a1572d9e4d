package dev.gatehouse.app;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import dev.gatehouse.app.archfixture.split.HalfOfAPackage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Shows that each architecture rule does fail when it is broken, on classes broken on purpose. */
class ArchitectureRulesTest {

    private static final String FIXTURE = "dev.gatehouse.app.archfixture";
    private static final JavaClasses BROKEN = new ClassFileImporter().importPackages(FIXTURE);

    @Test
    void givenBrokenClasses_thenEveryRuleOfTheHexagonReportsAViolation() {
        List<ArchRule> rules = List.of(
                ArchitectureRules.domainDependsOnlyOnTheJdk(FIXTURE),
                ArchitectureRules.coreKnowsNoFrameworkAndNoAdapter(FIXTURE),
                ArchitectureRules.webReachesTheCoreOnlyThroughUseCasesAndPorts(FIXTURE),
                ArchitectureRules.drivenAdaptersNeverReachDrivingOnes(FIXTURE),
                ArchitectureRules.configurationBelongsToNoAdapter(FIXTURE),
                ArchitectureRules.noPackageCycles(FIXTURE));
        assertTrue(BROKEN.size() >= 6);
        for (ArchRule rule : rules) {
            assertThrows(AssertionError.class, () -> rule.check(BROKEN), rule.getDescription());
        }
    }

    @Test
    void givenAPackageWhoseClassesComeFromTwoPlaces_thenTheSplitIsReported(@TempDir Path elsewhere) throws Exception {
        // The other half of the package, compiled into a place of its own, as a second module would hold it.
        Path source = elsewhere.resolve("src/dev/gatehouse/app/archfixture/split/OtherHalf.java");
        Files.createDirectories(source.getParent());
        Files.writeString(source, "package dev.gatehouse.app.archfixture.split; public final class OtherHalf { }");
        Path classes = Files.createDirectories(elsewhere.resolve("classes"));
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        assertEquals(0, compiler.run(null, null, null, "-d", classes.toString(), source.toString()));

        JavaClasses split = new ClassFileImporter().importPaths(halfOfThePackage(), classes);
        assertEquals(2, split.size());
        AssertionError reported = assertThrows(AssertionError.class, () -> ArchitectureRules.noSplitPackages().check(split));
        assertTrue(reported.getMessage().contains("the rest of dev.gatehouse.app.archfixture.split in"), reported.getMessage());
        ArchitectureRules.noSplitPackages().check(new ClassFileImporter().importPaths(halfOfThePackage()));
    }

    private static Path halfOfThePackage() throws URISyntaxException {
        return Path.of(HalfOfAPackage.class.getResource("HalfOfAPackage.class").toURI()).getParent();
    }
}
