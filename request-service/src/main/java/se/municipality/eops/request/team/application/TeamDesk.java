package se.municipality.eops.request.team.application;

import java.time.Clock;
import java.util.Map;
import org.springframework.stereotype.Service;
import se.municipality.eops.request.filing.domain.RequestClosedException;
import se.municipality.eops.request.filing.domain.RequestPage;
import se.municipality.eops.request.filing.domain.RequestRules;
import se.municipality.eops.request.filing.domain.RequestSearch;
import se.municipality.eops.request.filing.domain.ServiceRequest;
import se.municipality.eops.request.filing.domain.ServiceRequests;
import se.municipality.eops.request.lifecycle.application.RequestActions;
import se.municipality.eops.request.lifecycle.application.RequestChanges;
import se.municipality.eops.starter.rules.FieldErrorCodes;
import se.municipality.eops.starter.web.ConflictException;
import se.municipality.eops.starter.web.InvalidInputException;
import se.municipality.eops.starter.web.NotFoundException;
import se.municipality.eops.starter.web.PageBounds;

/** The central team's use cases. Callers have the CENTRAL_TEAM role (checked at the door). */
@Service
public class TeamDesk {

    public static final int MAX_PAGE_SIZE = 100;
    /** The longest text looked for. */
    public static final int MAX_QUERY = 200;

    private final ServiceRequests requests;
    private final RequestChanges changes;
    private final Clock clock;

    public TeamDesk(ServiceRequests requests, RequestChanges changes, Clock clock) {
        this.requests = requests;
        this.changes = changes;
        this.clock = clock;
    }

    public RequestPage search(RequestSearch search) {
        PageBounds.check(search.page(), search.size(), MAX_PAGE_SIZE);
        if (search.text() != null && search.text().length() > MAX_QUERY) {
            throw new InvalidInputException(
                    "q",
                    "may be at most " + MAX_QUERY + " characters",
                    FieldErrorCodes.TOO_LONG,
                    Map.of("max", MAX_QUERY));
        }
        return requests.search(search);
    }

    /** Rejects an open request with a reason (REJECTED_BY_TEAM); 409 if it already ended. */
    public ServiceRequest reject(String id, String memberId, String reason) {
        String checkedReason = RequestActions.requiredText("reason", reason);
        return change(id, request -> request.rejectByTeam(memberId, checkedReason, clock.instant()));
    }

    /** Assigns an open request to a team member; a submitted one is thereby in progress. */
    public ServiceRequest assign(String id, String assignee, String assignedBy) {
        // Only the form: who is in the central team is the identity provider's to know, and this service is told
        // only the roles of the one who calls (see README).
        RequestRules.userIdViolation("assignee", assignee).ifPresent(broken -> {
            throw RequestActions.invalid(broken);
        });
        return change(id, request -> request.assign(assignee, assignedBy, clock.instant()));
    }

    private ServiceRequest change(String id, java.util.function.Consumer<ServiceRequest> change) {
        try {
            return changes.change(id, null, change).orElseThrow(() -> new NotFoundException("No request " + id + "."));
        } catch (RequestClosedException closed) {
            throw new ConflictException(closed);
        }
    }
}
