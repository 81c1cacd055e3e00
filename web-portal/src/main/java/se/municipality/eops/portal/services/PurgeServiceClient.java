package se.municipality.eops.portal.services;

import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/**
 * purge-service's API as the portal uses it: purge plans, their approval, the purge log and its CSV export, rules, legal holds, subscribers (purge-service README). Add a method per call a page makes, with a record
 * for what it reads.
 */
@Component
public class PurgeServiceClient {

    private final RestClient purge;

    PurgeServiceClient(ServiceClients.ServiceRestClients clients) {
        this.purge = clients.forService("purge");
    }
}
