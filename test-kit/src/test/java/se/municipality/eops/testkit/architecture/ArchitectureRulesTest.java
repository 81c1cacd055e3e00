package se.municipality.eops.testkit.architecture;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;
import se.municipality.eops.testkit.ArchitectureRulesProbe;

/** The rules on small fixture modules: they pass only where there is a clean domain to check. */
class ArchitectureRulesTest {

    private static final String FIXTURES = "se.municipality.eops.testkit.architecture.";

    @Test
    void acceptsAFrameworkFreeDomainThatAdaptersDependOn() {
        assertThatCode(() -> check("clean")).doesNotThrowAnyException();
    }

    @Test
    void failsAModuleWithCodeButNoDomainPackage() {
        assertThatThrownBy(() -> check("nodomain"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("No classes in a domain package");
    }

    @Test
    void failsADomainThatUsesAFramework() {
        assertThatThrownBy(() -> check("leaky"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Assert");
    }

    @Test
    void failsADomainThatDependsOnAnAdapter() {
        assertThatThrownBy(() -> check("backwards"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("PermitView");
    }

    private static void check(String fixture) {
        String base = FIXTURES + fixture;
        ArchitectureRulesProbe.check(base, new ClassFileImporter().importPackages(base));
    }
}
