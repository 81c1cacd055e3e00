package se.municipality.eops.notification;

import org.junit.jupiter.api.Test;
import se.municipality.eops.testkit.ArchitectureRules;

class ArchitectureTest {

    @Test
    void domainKnowsNothingOfFrameworksOrAdapters() {
        ArchitectureRules.check("se.municipality.eops.notification");
    }
}
