package se.municipality.eops.request.filing.domain;

import java.util.Map;
import se.municipality.eops.starter.rules.BrokenRule;

/** A person asked to change a request that is already completed, rejected, withdrawn or failed. */
public class RequestClosedException extends BrokenRule {

    private final RequestStatus status;

    public RequestClosedException(String requestId, RequestStatus status, String action) {
        super(
                "status",
                "Request " + requestId + " is " + status + " and can no longer be " + action + ".",
                ViolationCodes.REQUEST_ENDED,
                Map.of("status", status.name()));
        this.status = status;
    }

    public RequestStatus status() {
        return status;
    }
}
