package se.municipality.eops.request.lifecycle.application;

import java.util.Optional;
import java.util.function.Consumer;
import org.springframework.stereotype.Component;
import se.municipality.eops.request.filing.domain.ServiceRequest;
import se.municipality.eops.request.filing.domain.ServiceRequests;
import se.municipality.eops.starter.concurrency.ConcurrentChanges;

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
        return ConcurrentChanges.retry("id", "the request " + id, ATTEMPTS, () -> {
                    Optional<ServiceRequest> read = requests.findById(id);
                    if (read.isEmpty()) {
                        return Optional.of(Done.NOTHING);
                    }
                    ServiceRequest request = read.get();
                    change.accept(request);
                    if (request.newTimelineEntries().isEmpty()) {
                        return Optional.of(new Done(Optional.of(request)));
                    }
                    return switch (requests.update(request, appliedKey)) {
                        case UPDATED -> Optional.of(new Done(Optional.of(request)));
                        case ALREADY_APPLIED -> Optional.of(Done.NOTHING);
                        case CONFLICT -> Optional.empty(); // another write came between the read and this one
                    };
                })
                .request();
    }

    /** What an attempt that was not overtaken answers: the request as stored, or empty (none, or applied before). */
    private record Done(Optional<ServiceRequest> request) {
        static final Done NOTHING = new Done(Optional.empty());
    }
}
