package se.municipality.eops.portal.services;

import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/**
 * publication-service's API as the portal uses it: the reference group's reviews and delegations, the checklist
 * (README, "Publishing an e-service"). Add a method per call a page makes, with a record for what it reads.
 */
@Component
public class PublicationServiceClient {

    private final RestClient publication;

    PublicationServiceClient(ServiceClients.ServiceRestClients clients) {
        this.publication = clients.forService("publication");
    }
}
