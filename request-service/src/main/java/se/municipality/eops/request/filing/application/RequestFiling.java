package se.municipality.eops.request.filing.application;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import se.municipality.eops.contract.request.Requester;
import se.municipality.eops.request.filing.domain.RequestDetails;
import se.municipality.eops.request.filing.domain.RequestRuleViolation;
import se.municipality.eops.request.filing.domain.ServiceRequest;
import se.municipality.eops.request.filing.domain.ServiceRequests;
import se.municipality.eops.starter.web.InvalidInputException;
import se.municipality.eops.starter.web.NotFoundException;

/** The use cases of filing and reading requests. */
@Service
public class RequestFiling {

    private final ServiceRequests requests;
    private final Clock clock;

    public RequestFiling(ServiceRequests requests, Clock clock) {
        this.requests = requests;
        this.clock = clock;
    }

    public ServiceRequest file(Requester requester, RequestDetails details) {
        ServiceRequest request;
        try {
            request = ServiceRequest.file(newRequestId(), requester, details, clock.instant());
        } catch (RequestRuleViolation violation) {
            throw new InvalidInputException(violation.field(), violation.getMessage());
        }
        requests.save(request);
        return request;
    }

    /** A request as its requester (or the central team) may see it; anyone else learns nothing. */
    public ServiceRequest get(String id, String userId, boolean centralTeam) {
        return requests.findById(id)
                .filter(request -> request.isVisibleTo(userId, centralTeam))
                .orElseThrow(() -> new NotFoundException("No request " + id + " that you may see."));
    }

    public List<ServiceRequest> mine(String userId, int limit) {
        return requests.findByRequester(userId, limit);
    }

    /** Short, unguessable and easy to read out on the phone: {@code REQ-} and 12 hex digits. */
    private static String newRequestId() {
        return "REQ-"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toUpperCase();
    }
}
