package se.municipality.eops.request.filing.domain;

/** Where a request stands. Only SUBMITTED is reached by filing; later issues move it on. */
public enum RequestStatus {
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
