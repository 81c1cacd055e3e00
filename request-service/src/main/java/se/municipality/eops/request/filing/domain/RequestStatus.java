package se.municipality.eops.request.filing.domain;

/**
 * Where a request stands. Filing makes it {@link #SUBMITTED}; the services that carry it out move it on
 * (through their events), the requester may withdraw it and the central team may reject it. The four
 * terminal statuses are final.
 */
public enum RequestStatus {
    SUBMITTED(false),
    IN_PROGRESS(false),
    WAITING_FOR_REVIEW(false),
    WAITING_FOR_TRAINING(false),
    WAITING_FOR_PURGE_APPROVAL(false),
    COMPLETED(true),
    REJECTED(true),
    WITHDRAWN(true),
    FAILED(true);

    private final boolean terminal;

    RequestStatus(boolean terminal) {
        this.terminal = terminal;
    }

    /** Final: nothing moves the request any more (completed, rejected, withdrawn or failed). */
    public boolean terminal() {
        return terminal;
    }

    /** Still under way: the requester may withdraw it, the team may reject it, it may become overdue. */
    public boolean open() {
        return !terminal;
    }
}
