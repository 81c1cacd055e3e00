package se.municipality.eops.purge.purging.domain;

/** The creator of a purge plan tried to approve it: a second person must. */
public class FourEyesViolation extends RuntimeException {

    public FourEyesViolation(String planId) {
        super("plan " + planId + " must be approved by an archivist other than its creator");
    }
}
