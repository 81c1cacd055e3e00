package se.municipality.eops.permission;

import org.junit.jupiter.api.Test;
import se.municipality.eops.testkit.ArchitectureRules;

class ArchitectureTest {

    @Test
    void domainIsFreeOfFrameworksAndAdapters() {
        ArchitectureRules.check("se.municipality.eops.permission");
    }
}
