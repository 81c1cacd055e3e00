package se.municipality.eops.request.filing.persistence;

import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;
import se.municipality.eops.contract.request.PermissionRequest;
import se.municipality.eops.contract.request.PublicationRequest;
import se.municipality.eops.contract.request.PurgeRequest;
import se.municipality.eops.contract.request.RequestType;
import se.municipality.eops.contract.request.Requester;
import se.municipality.eops.request.filing.domain.RequestStatus;
import se.municipality.eops.starter.outbox.PendingEvent;

/** A request as stored, with the events waiting to be published in the same document. */
@Document(ServiceRequestDocument.COLLECTION)
@CompoundIndex(name = "requester_submitted", def = "{'requester.userId': 1, 'submittedAt': -1}")
record ServiceRequestDocument(
        @Id String id,
        RequestType type,
        Requester requester,
        PublicationRequest publication,
        PurgeRequest purge,
        PermissionRequest permission,
        Instant submittedAt,
        RequestStatus status,
        List<StoredTimelineEntry> timeline,
        @Version Long version,
        List<PendingEvent> pendingEvents) {

    static final String COLLECTION = "requests";
}
