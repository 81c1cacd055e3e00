package se.municipality.eops.request.filing.domain;

/** A person asked to change a request that is already completed, rejected, withdrawn or failed. */
public class RequestClosedException extends RuntimeException {

    private final RequestStatus status;

    public RequestClosedException(String requestId, RequestStatus status, String action) {
        super("Request " + requestId + " is " + status + " and can no longer be " + action + ".");
        this.status = status;
    }

    public RequestStatus status() {
        return status;
    }
}
