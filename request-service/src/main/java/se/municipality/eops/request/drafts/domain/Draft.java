package se.municipality.eops.request.drafts.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import se.municipality.eops.contract.request.PermissionRequest;
import se.municipality.eops.contract.request.PublicationRequest;
import se.municipality.eops.contract.request.PurgeRequest;
import se.municipality.eops.contract.request.RequestType;
import se.municipality.eops.request.filing.domain.RequestDetails;

/**
 * A request being written, step by step, by its owner. It holds what the steps saved so far, as the
 * details of the request it will file; it expires a fixed time after its last change.
 *
 * @param submittedRequestId the request it was submitted as; a submitted draft is not submitted again
 */
public record Draft(
        String id,
        String ownerId,
        RequestDetails details,
        Instant createdAt,
        Instant updatedAt,
        Instant expiresAt,
        String submittedRequestId,
        Long version) {

    public Draft {
        Objects.requireNonNull(id);
        Objects.requireNonNull(ownerId);
        Objects.requireNonNull(details);
        Objects.requireNonNull(details.type());
    }

    /** An empty draft of {@code type}: the details object of the type, with nothing filled in. */
    public static Draft start(String id, String ownerId, RequestType type, Instant now, Duration expireAfter) {
        RequestDetails empty = switch (type) {
            case PUBLICATION ->
                RequestDetails.publication(new PublicationRequest(null, null, null, null, null, null, null, null));
            case PURGE -> RequestDetails.purge(new PurgeRequest(null, null, null, null, null, null));
            case PERMISSION ->
                RequestDetails.permission(new PermissionRequest(null, null, null, null, null, null, null, null));
        };
        return new Draft(id, ownerId, empty, now, now, now.plus(expireAfter), null, null);
    }

    public RequestType type() {
        return details.type();
    }

    public boolean isOwnedBy(String userId) {
        return ownerId.equals(userId);
    }

    public boolean isExpired(Instant now) {
        return !expiresAt.isAfter(now);
    }

    public boolean isSubmitted() {
        return submittedRequestId != null;
    }

    /** The draft with a step's fields saved; its time to live starts again. */
    public Draft withDetails(RequestDetails changed, Instant now, Duration expireAfter) {
        if (changed.type() != type()) {
            throw new IllegalArgumentException("a draft keeps its type");
        }
        return new Draft(id, ownerId, changed, createdAt, now, now.plus(expireAfter), submittedRequestId, version);
    }
}
