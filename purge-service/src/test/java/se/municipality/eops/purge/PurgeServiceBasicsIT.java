package se.municipality.eops.purge;

import se.municipality.eops.testkit.ServiceBasicsContract;

class PurgeServiceBasicsIT extends ServiceBasicsContract {

    PurgeServiceBasicsIT() {
        super("purge-service", "eops-purge", "Purge service");
    }
}
