package se.municipality.eops.portal.services;

import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/**
 * publication-service's API as the portal uses it: the reference group's reviews and delegations, the checklist
 * (README, "Publishing an e-service"). Add a method per call a page makes, with a record for what it reads.
 */
@Component
public class PublicationServiceClient {

    /** One item of the checklist: its id, its text and whether it must be done. */
    public record ChecklistItem(String id, String text, boolean mandatory) {}

    /** A version of the checklist for brand-new e-services. */
    public record Checklist(int version, List<ChecklistItem> items) {}

    private final RestClient publication;

    PublicationServiceClient(ServiceClients.ServiceRestClients clients) {
        this.publication = clients.forService("publication");
    }

    /** {@code GET /api/checklist}: the checklist in force (the form's checklist step shows it). */
    public Checklist checklist() {
        return publication.get().uri("/api/checklist").retrieve().body(Checklist.class);
    }
}
