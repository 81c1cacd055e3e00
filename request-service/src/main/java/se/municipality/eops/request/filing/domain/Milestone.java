package se.municipality.eops.request.filing.domain;

/**
 * How far a request has come, in the order a request passes these points. A request only ever moves to a
 * milestone of a higher rank than the one it reached, so events that arrive out of order (across topics)
 * cannot move it backwards: {@code EServicePublished} processed before {@code ReviewApproved} completes the
 * request, and the late approval changes nothing.
 *
 * <p>IN_PROGRESS appears twice: taken up (by the team, before anything waits) and approved (what it waited
 * for came, the work goes on). The waiting milestones share a rank: a request waits for one thing at a time.
 * Every terminal status has the highest rank, so a terminal status is final.
 */
public enum Milestone {
    TAKEN_UP(1, RequestStatus.IN_PROGRESS),
    WAITING_FOR_REVIEW(2, RequestStatus.WAITING_FOR_REVIEW),
    WAITING_FOR_TRAINING(2, RequestStatus.WAITING_FOR_TRAINING),
    WAITING_FOR_PURGE_APPROVAL(2, RequestStatus.WAITING_FOR_PURGE_APPROVAL),
    APPROVED(3, RequestStatus.IN_PROGRESS),
    COMPLETED(4, RequestStatus.COMPLETED),
    REJECTED(4, RequestStatus.REJECTED),
    WITHDRAWN(4, RequestStatus.WITHDRAWN),
    FAILED(4, RequestStatus.FAILED);

    /** The rank of a request just filed. */
    public static final int FILED = 0;

    private final int rank;
    private final RequestStatus status;

    Milestone(int rank, RequestStatus status) {
        this.rank = rank;
        this.status = status;
    }

    public int rank() {
        return rank;
    }

    public RequestStatus status() {
        return status;
    }

    /**
     * The rank a request in {@code status} has at least; for requests stored before ranks were kept (an
     * IN_PROGRESS one counts as taken up, the lower of its two ranks).
     */
    public static int lowestRankOf(RequestStatus status) {
        return switch (status) {
            case SUBMITTED -> FILED;
            case IN_PROGRESS -> TAKEN_UP.rank;
            case WAITING_FOR_REVIEW, WAITING_FOR_TRAINING, WAITING_FOR_PURGE_APPROVAL -> WAITING_FOR_REVIEW.rank;
            case COMPLETED, REJECTED, WITHDRAWN, FAILED -> COMPLETED.rank;
        };
    }
}
