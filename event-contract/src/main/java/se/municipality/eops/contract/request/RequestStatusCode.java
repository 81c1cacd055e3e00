package se.municipality.eops.contract.request;

/**
 * Where a request stands, as request-service's events name it. COMPLETED, REJECTED, WITHDRAWN and FAILED are
 * terminal: nothing moves the request after them. A consumer treats a value it does not know as "other".
 */
public enum RequestStatusCode {
    SUBMITTED,
    IN_PROGRESS,
    WAITING_FOR_REVIEW,
    WAITING_FOR_TRAINING,
    WAITING_FOR_PURGE_APPROVAL,
    COMPLETED,
    REJECTED,
    WITHDRAWN,
    FAILED
}
