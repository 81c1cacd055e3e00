package se.municipality.eops.purge.purging.domain;

/** A plan that is not waiting for approval (approved, expired, done) cannot be approved. */
public class PurgeNotApprovable extends RuntimeException {

    public PurgeNotApprovable(String planId, PurgeStatus status) {
        super("plan " + planId + " is " + status + ", not awaiting approval");
    }
}
