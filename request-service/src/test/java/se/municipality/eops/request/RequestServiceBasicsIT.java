package se.municipality.eops.request;

import se.municipality.eops.testkit.ServiceBasicsContract;

class RequestServiceBasicsIT extends ServiceBasicsContract {

    RequestServiceBasicsIT() {
        super("request-service", "eops-request", "Request service");
    }
}
