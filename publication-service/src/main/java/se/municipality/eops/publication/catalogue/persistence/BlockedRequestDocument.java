package se.municipality.eops.publication.catalogue.persistence;

import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;
import se.municipality.eops.starter.outbox.PendingEvent;

/**
 * A publication request that names no e-service of the catalogue (a new version of an unknown
 * e-service): there is no e-service document to record it in, so it gets one of its own, keyed by the
 * request, which also makes a redelivery a duplicate key.
 */
@Document(BlockedRequestDocument.COLLECTION)
record BlockedRequestDocument(
        @Id String requestId, String eServiceId, String reason, Instant blockedAt, List<PendingEvent> pendingEvents) {

    static final String COLLECTION = "unmatched_requests";
}
