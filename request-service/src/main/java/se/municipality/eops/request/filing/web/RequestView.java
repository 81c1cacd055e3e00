package se.municipality.eops.request.filing.web;

import java.time.Instant;
import java.util.List;
import se.municipality.eops.contract.request.PermissionRequest;
import se.municipality.eops.contract.request.PublicationRequest;
import se.municipality.eops.contract.request.PurgeRequest;
import se.municipality.eops.contract.request.RequestType;
import se.municipality.eops.contract.request.Requester;
import se.municipality.eops.request.filing.domain.RequestStatus;
import se.municipality.eops.request.filing.domain.ServiceRequest;
import se.municipality.eops.request.filing.domain.TimelineEntry;

/** A request as its requester sees it: what was asked, where it stands and how it got there. */
record RequestView(
        String id,
        RequestType type,
        RequestStatus status,
        Requester requester,
        PublicationRequest publication,
        PurgeRequest purge,
        PermissionRequest permission,
        Instant submittedAt,
        List<TimelineEntry> timeline) {

    static RequestView of(ServiceRequest request) {
        return new RequestView(
                request.id(),
                request.details().type(),
                request.status(),
                request.requester(),
                request.details().publication(),
                request.details().purge(),
                request.details().permission(),
                request.submittedAt(),
                request.timeline());
    }
}
