package se.municipality.eops.purge;

import org.junit.jupiter.api.Test;
import se.municipality.eops.testkit.ArchitectureRules;

class ArchitectureTest {

    @Test
    void domainIsFreeOfFrameworksAndAdapters() {
        ArchitectureRules.check("se.municipality.eops.purge");
    }
}
