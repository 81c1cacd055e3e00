package se.municipality.eops.notification.rules.domain;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * An event whose rules address the requester of a request not heard of yet: kept until {@code RequestSubmitted}
 * of that request has been read, then its mails to the requester are recorded as if it had come after it.
 *
 * @param id one per event ({@code eventId}), so a redelivery keeps one
 * @param templates the templates that wait for the requester
 * @param fields the event as its JSON reads, to render the mails
 */
public record AwaitingRequester(
        String id,
        String requestId,
        String eventType,
        UUID eventId,
        List<String> templates,
        Map<String, Object> fields) {

    public AwaitingRequester {
        templates = List.copyOf(templates);
    }
}
