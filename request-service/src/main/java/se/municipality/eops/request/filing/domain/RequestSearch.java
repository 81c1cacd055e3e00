package se.municipality.eops.request.filing.domain;

import se.municipality.eops.contract.request.RequestType;

/**
 * What the central team looks for; null criteria do not filter.
 *
 * @param requester the requester's user id
 * @param text found in the request's id, e-service name or message (case-insensitive)
 * @param sort the field to sort by
 * @param page 0-based
 */
public record RequestSearch(
        RequestStatus status,
        RequestType type,
        String eServiceId,
        String requester,
        Boolean overdue,
        String text,
        SortField sort,
        boolean ascending,
        int page,
        int size) {

    public enum SortField {
        SUBMITTED_AT,
        STATUS_SINCE,
        STATUS
    }
}
