package se.municipality.eops.request.drafts.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import se.municipality.eops.contract.EmailAddresses;
import se.municipality.eops.contract.request.PermissionRequest;
import se.municipality.eops.contract.request.PublicationRequest;
import se.municipality.eops.contract.request.PurgeRequest;
import se.municipality.eops.contract.request.RequestType;
import se.municipality.eops.contract.request.Requester;
import se.municipality.eops.contract.request.RequesterRole;
import se.municipality.eops.request.drafts.application.DraftService;
import se.municipality.eops.request.filing.application.RequestFiling;
import se.municipality.eops.request.filing.domain.FieldViolation;
import se.municipality.eops.request.filing.domain.RequestDetails;
import se.municipality.eops.request.filing.domain.RequestRules;
import se.municipality.eops.request.filing.domain.ViolationCodes;
import se.municipality.eops.starter.security.CurrentUser;
import se.municipality.eops.starter.web.InvalidInputException;

@RestController
@RequestMapping("/api/drafts")
@PreAuthorize("hasAnyRole('ESERVICE_ADMINISTRATOR', 'ESERVICE_AMBASSADOR')")
class DraftController {

    private final DraftService drafts;

    DraftController(DraftService drafts) {
        this.drafts = drafts;
    }

    @Schema(description = "The type of request the draft is for.")
    record StartDraft(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            RequestType type) {}

    @Schema(
            description = "One step's fields, in the shape of the filing body: e.g. {\"publication\":{\"kind\":...}}."
                    + " A field of the step left out is cleared; fields of other steps are refused.")
    record StepBody(PublicationRequest publication, PurgeRequest purge, PermissionRequest permission) {}

    @Schema(description = "The request a draft was filed as.")
    record Submitted(String draftId, String requestId, String status) {}

    @PostMapping
    @Operation(
            summary = "Start a draft",
            description = "An empty draft of a request type, yours alone, kept for eops.drafts.expire-after after its"
                    + " last change.")
    ResponseEntity<DraftView> start(@RequestBody StartDraft body) {
        if (body.type() == null) {
            FieldViolation missing = RequestRules.TYPE_REQUIRED;
            throw new InvalidInputException(missing.field(), missing.message(), missing.code(), missing.params());
        }
        DraftView view =
                DraftView.of(drafts.start(CurrentUser.fromSecurityContext().userId(), body.type()));
        return ResponseEntity.created(URI.create("/api/drafts/" + view.id())).body(view);
    }

    @GetMapping("/{id}")
    @Operation(summary = "A draft of yours", description = "Another user's draft: 404; an expired one: 410.")
    DraftView get(@PathVariable String id) {
        return DraftView.of(drafts.get(id, CurrentUser.fromSecurityContext().userId()));
    }

    @PutMapping("/{id}/steps/{step}")
    @Operation(
            summary = "Save one step",
            description = "Judges this step's fields only (later steps are not judged yet): 400 naming them, with"
                    + " `step`, if a rule is broken (nothing is saved); 409/422 if the read models already know"
                    + " the answer (e.g. the person already is a case handler); else 200 with the draft.")
    DraftView saveStep(@PathVariable String id, @PathVariable String step, @RequestBody StepBody body) {
        String userId = CurrentUser.fromSecurityContext().userId();
        DraftService.Judged current = drafts.get(id, userId);
        RequestDetails details =
                new RequestDetails(current.draft().type(), body.publication(), body.purge(), body.permission());
        return DraftView.of(drafts.saveStep(id, userId, step, details));
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Delete a draft of yours")
    ResponseEntity<Void> delete(@PathVariable String id) {
        drafts.delete(id, CurrentUser.fromSecurityContext().userId());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/submit")
    @Operation(
            summary = "Submit a complete draft",
            description = "Files the request as POST /api/requests does (201, Location of the request). A step"
                    + " not complete: 400 naming the first such step and its fields. Submitted before: 409.")
    ResponseEntity<Submitted> submit(@PathVariable String id) {
        RequestFiling.Filed filed = drafts.submit(id, requester());
        String requestId = filed.request().id();
        Submitted submitted =
                new Submitted(id, requestId, filed.request().status().name());
        URI location = URI.create("/api/requests/" + requestId);
        return filed.created()
                ? ResponseEntity.created(location).body(submitted)
                : ResponseEntity.ok().location(location).body(submitted);
    }

    /** The requester as filing makes it from the token (see RequestController). */
    private static Requester requester() {
        CurrentUser user = CurrentUser.fromSecurityContext();
        if (user.email() == null || user.email().isBlank() || !EmailAddresses.isValid(user.email())) {
            throw new InvalidInputException(
                    "requester.email",
                    "your account has no e-mail address we can send to (plain ASCII, such as name@kommun.se);"
                            + " ask the administrators of your login to correct it",
                    ViolationCodes.ACCOUNT_EMAIL);
        }
        RequesterRole role = user.hasRole(RequesterRole.ESERVICE_ADMINISTRATOR.name())
                ? RequesterRole.ESERVICE_ADMINISTRATOR
                : RequesterRole.ESERVICE_AMBASSADOR;
        return new Requester(user.userId(), user.name(), user.email(), role);
    }
}
