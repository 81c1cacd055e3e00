package se.municipality.eops.request.team.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import se.municipality.eops.contract.request.RequestType;
import se.municipality.eops.request.filing.domain.RequestPage;
import se.municipality.eops.request.filing.domain.RequestSearch;
import se.municipality.eops.request.filing.domain.RequestStatus;
import se.municipality.eops.request.filing.web.RequestView;
import se.municipality.eops.request.team.application.TeamDesk;
import se.municipality.eops.starter.rules.FieldErrorCodes;
import se.municipality.eops.starter.security.CurrentUser;
import se.municipality.eops.starter.web.InvalidInputException;

@RestController
@RequestMapping("/api/team/requests")
@PreAuthorize("hasRole('CENTRAL_TEAM')")
class TeamRequestsController {

    private final TeamDesk desk;

    TeamRequestsController(TeamDesk desk) {
        this.desk = desk;
    }

    record Page(List<RequestView> items, int page, int size, long totalItems, long totalPages) {
        static Page of(RequestPage page) {
            return new Page(
                    page.items().stream().map(RequestView::of).toList(),
                    page.page(),
                    page.size(),
                    page.totalItems(),
                    page.totalPages());
        }
    }

    record RejectionBody(String reason) {}

    record AssignmentBody(String assignee) {}

    @GetMapping
    @Operation(
            summary = "Every request, filtered, paged and sorted (central team)",
            description = "Filters combine; q is found in the request id, the e-service name or the message.")
    Page search(
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String type,
            @RequestParam(required = false) String eServiceId,
            @RequestParam(required = false) String requester,
            @RequestParam(required = false) Boolean overdue,
            @RequestParam(required = false) String q,
            @Parameter(description = "submittedAt (default), statusSince or status; a leading - sorts descending")
                    @RequestParam(defaultValue = "-submittedAt")
                    String sort,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        boolean ascending = !sort.startsWith("-");
        String sortName = ascending ? sort : sort.substring(1);
        RequestSearch.SortField sortField = switch (sortName) {
            case "submittedAt" -> RequestSearch.SortField.SUBMITTED_AT;
            case "statusSince" -> RequestSearch.SortField.STATUS_SINCE;
            case "status" -> RequestSearch.SortField.STATUS;
            default ->
                throw new InvalidInputException(
                        "sort",
                        "must be submittedAt, statusSince or status, with a leading - for descending",
                        FieldErrorCodes.NOT_ONE_OF,
                        Map.of("allowed", "submittedAt, statusSince, status, -submittedAt, -statusSince, -status"));
        };
        return Page.of(desk.search(new RequestSearch(
                parse("status", status, RequestStatus.class),
                parse("type", type, RequestType.class),
                blankToNull(eServiceId),
                blankToNull(requester),
                overdue,
                blankToNull(q),
                sortField,
                ascending,
                page,
                size)));
    }

    @PostMapping("/{id}/rejection")
    @Operation(
            summary = "Reject a request with a reason (central team)",
            description = "409 once it is completed, rejected, withdrawn or failed. Publishes RequestStatusChanged "
                    + "and RequestRejected (reasonCode REJECTED_BY_TEAM).")
    RequestView reject(@PathVariable String id, @RequestBody RejectionBody body) {
        return RequestView.of(desk.reject(id, CurrentUser.fromSecurityContext().userId(), body.reason()));
    }

    @PostMapping("/{id}/assignment")
    @Operation(
            summary = "Assign a request to a member of the central team",
            description = "A submitted request is thereby in progress. 409 once it ended. Only the assignee's form"
                    + " is checked (a user id: 400 not-an-id), not that they are in the central team.")
    RequestView assign(@PathVariable String id, @RequestBody AssignmentBody body) {
        return RequestView.of(desk.assign(
                id, body.assignee(), CurrentUser.fromSecurityContext().userId()));
    }

    private static <E extends Enum<E>> E parse(String field, String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            String allowed =
                    Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
            throw new InvalidInputException(
                    field, "is not one of [" + allowed + "]", FieldErrorCodes.NOT_ONE_OF, Map.of("allowed", allowed));
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
