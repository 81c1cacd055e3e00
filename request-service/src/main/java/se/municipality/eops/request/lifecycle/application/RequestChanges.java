package se.municipality.eops.request.lifecycle.application;

import java.util.Optional;
import java.util.function.Consumer;
import org.springframework.stereotype.Component;
import se.municipality.eops.request.filing.domain.ServiceRequest;
import se.municipality.eops.request.filing.domain.ServiceRequests;
import se.municipality.eops.request.filing.domain.ServiceRequests.UpdateOutcome;

/**
 * Changes a stored request: read it, let the domain change it, write what changed guarded by the version read;
 * when someone else wrote in between (a downstream event and a team action at once), read again and redo it.
 * Shared by the lifecycle's consumers, the requester's and the team's actions and the SLA job.
 */
@Component
public class RequestChanges {

    /** Enough for any real contention on one request; beyond it the caller's own retry takes over. */
    static final int ATTEMPTS = 10;

    private final ServiceRequests requests;

    public RequestChanges(ServiceRequests requests) {
        this.requests = requests;
    }

    /**
     * Applies {@code change} to request {@code id} and stores it.
     *
     * @param appliedKey the causing event's key, so that it is applied once; null for a person's action
     * @return the request as stored after the change; empty if there is no such request or the event was
     *     applied before
     */
    public Optional<ServiceRequest> change(String id, String appliedKey, Consumer<ServiceRequest> change) {
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            Optional<ServiceRequest> read = requests.findById(id);
            if (read.isEmpty()) {
                return Optional.empty();
            }
            ServiceRequest request = read.get();
            change.accept(request);
            if (request.newTimelineEntries().isEmpty()) {
                return Optional.of(request);
            }
            UpdateOutcome outcome = requests.update(request, appliedKey);
            switch (outcome) {
                case UPDATED:
                    return Optional.of(request);
                case ALREADY_APPLIED:
                    return Optional.empty();
                case CONFLICT:
                    continue;
            }
        }
        throw new ConcurrentRequestChangeException(id);
    }

    /** Others kept changing the request; the caller (a consumer's retry, the person) tries again. */
    public static class ConcurrentRequestChangeException extends RuntimeException {
        ConcurrentRequestChangeException(String id) {
            super("Request " + id + " kept changing under us after " + ATTEMPTS + " attempts");
        }
    }
}
