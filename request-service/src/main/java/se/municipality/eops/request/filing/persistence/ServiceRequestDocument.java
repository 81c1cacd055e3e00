package se.municipality.eops.request.filing.persistence;

import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.CompoundIndexes;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;
import se.municipality.eops.contract.request.PermissionRequest;
import se.municipality.eops.contract.request.PublicationRequest;
import se.municipality.eops.contract.request.PurgeRequest;
import se.municipality.eops.contract.request.RequestType;
import se.municipality.eops.contract.request.Requester;
import se.municipality.eops.request.filing.domain.PurgePlans;
import se.municipality.eops.request.filing.domain.Rejection;
import se.municipality.eops.request.filing.domain.RequestStatus;
import se.municipality.eops.starter.outbox.PendingEvent;

/**
 * A request as stored, with the events waiting to be published in the same document. Requests stored
 * before the status machine have no rank, statusSince, overdue, ... : they read as null and the domain
 * derives them from the status and the timeline.
 *
 * <p>The indexes serve the requester's list, the central team's filters (status, type, e-service, requester,
 * overdue; newest first) and the SLA job's scan of requests waiting in a status since before a time.
 */
@Document(ServiceRequestDocument.COLLECTION)
@CompoundIndexes({
    @CompoundIndex(name = "requester_submitted", def = "{'requester.userId': 1, 'submittedAt': -1}"),
    @CompoundIndex(name = "status_submitted", def = "{'status': 1, 'submittedAt': -1}"),
    @CompoundIndex(name = "type_submitted", def = "{'type': 1, 'submittedAt': -1}"),
    @CompoundIndex(name = "overdue_submitted", def = "{'overdue': 1, 'submittedAt': -1}"),
    @CompoundIndex(name = "sla_scan", def = "{'status': 1, 'overdue': 1, 'statusSince': 1}"),
    @CompoundIndex(name = "publication_eservice", def = "{'publication.eServiceId': 1, 'submittedAt': -1}"),
    @CompoundIndex(name = "purge_eservice", def = "{'purge.eServiceId': 1, 'submittedAt': -1}"),
    @CompoundIndex(name = "permission_eservice", def = "{'permission.eServiceId': 1, 'submittedAt': -1}"),
    @CompoundIndex(name = "submitted", def = "{'submittedAt': -1}")
})
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
        Integer rank,
        Instant statusSince,
        String assignee,
        Boolean overdue,
        Rejection rejection,
        String outcome,
        // A RETENTION request's purges as far as their events told; absent for any other request.
        PurgePlans purgePlans,
        @Version Long version,
        List<PendingEvent> pendingEvents,
        // What the request asks for, normalised (readmodel.domain.SubjectKey).
        String subjectKey,
        // The subject key while the request is open, removed when it ends: the unique index lets one request per
        // subject be open, so the insert itself refuses a second one (no read before it, no race between two).
        @Indexed(name = OPEN_SUBJECT_INDEX, unique = true, sparse = true)
        String openSubjectKey) {

    static final String OPEN_SUBJECT_KEY = "openSubjectKey";
    static final String OPEN_SUBJECT_INDEX = "open_subject";
    static final String COLLECTION = "requests";
}
