package se.municipality.eops.contract.request;

import java.time.Instant;
import java.util.UUID;
import se.municipality.eops.contract.DomainEvent;

/**
 * The requester or the central team commented on a request.
 *
 * @param commentId the comment's id within the request
 * @param author the user id of who wrote it
 * @param authorRole in which capacity they wrote it
 * @param text the comment, at most 4,000 characters
 */
public record RequestCommented(
        UUID eventId,
        String requestId,
        Instant occurredAt,
        Requester requester,
        String commentId,
        String author,
        AuthorRole authorRole,
        String text)
        implements DomainEvent {

    public static final int MAX_TEXT = 4000;

    public enum AuthorRole {
        REQUESTER,
        CENTRAL_TEAM
    }

    @Override
    public String aggregateId() {
        return requestId;
    }
}
