package se.municipality.eops.request.lifecycle.web;

import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import se.municipality.eops.request.filing.domain.ServiceRequest;
import se.municipality.eops.request.filing.domain.TimelineEntry;
import se.municipality.eops.request.lifecycle.application.RequestActions;
import se.municipality.eops.starter.security.CurrentUser;

@RestController
@RequestMapping("/api/requests/{id}")
class RequestActionsController {

    static final String CENTRAL_TEAM = "CENTRAL_TEAM";

    private final RequestActions actions;

    RequestActionsController(RequestActions actions) {
        this.actions = actions;
    }

    record WithdrawalBody(String reason) {}

    record CommentBody(String text) {}

    /** What an action added: the request's status and the timeline entries it made. */
    record ActionResult(String id, String status, java.util.List<TimelineEntry> added) {
        static ActionResult of(ServiceRequest request) {
            return new ActionResult(request.id(), request.status().name(), request.newTimelineEntries());
        }
    }

    @PostMapping("/withdrawal")
    @Operation(
            summary = "Withdraw my request",
            description = "Only its requester, and only while it is not completed, rejected, withdrawn or failed "
                    + "(else 409). Publishes RequestStatusChanged and RequestWithdrawn.")
    ResponseEntity<ActionResult> withdraw(@PathVariable String id, @RequestBody(required = false) WithdrawalBody body) {
        CurrentUser user = CurrentUser.fromSecurityContext();
        ServiceRequest request = actions.withdraw(id, user.userId(), body == null ? null : body.reason());
        return ResponseEntity.ok(ActionResult.of(request));
    }

    @PostMapping("/comments")
    @Operation(
            summary = "Comment on a request",
            description = "Its requester or the central team; at most 4,000 characters. Publishes RequestCommented.")
    ResponseEntity<ActionResult> comment(@PathVariable String id, @RequestBody CommentBody body) {
        CurrentUser user = CurrentUser.fromSecurityContext();
        ServiceRequest request = actions.comment(id, user.userId(), user.hasRole(CENTRAL_TEAM), body.text());
        return ResponseEntity.status(201).body(ActionResult.of(request));
    }
}
