package se.municipality.eops.publication;

import se.municipality.eops.testkit.ServiceBasicsContract;

class PublicationServiceBasicsIT extends ServiceBasicsContract {

    PublicationServiceBasicsIT() {
        super("publication-service", "eops-publication", "Publication service");
    }
}
