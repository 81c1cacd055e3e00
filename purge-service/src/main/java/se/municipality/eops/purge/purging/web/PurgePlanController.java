package se.municipality.eops.purge.purging.web;

import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import se.municipality.eops.purge.purging.application.Acknowledgements;
import se.municipality.eops.purge.purging.application.PlanApproval;
import se.municipality.eops.purge.purging.application.RetentionPlanning;
import se.municipality.eops.purge.purging.domain.Purge;
import se.municipality.eops.purge.purging.domain.Purges;
import se.municipality.eops.starter.rules.FieldErrorCodes;
import se.municipality.eops.starter.security.CurrentUser;
import se.municipality.eops.starter.web.InvalidInputException;
import se.municipality.eops.starter.web.NotFoundException;

/**
 * Purge plans and purges: make a plan (archivist or central team), look at its preview, approve it (an archivist
 * who did not make it).
 */
@RestController
@RequestMapping("/api/purges")
@PreAuthorize("hasAnyRole('CENTRAL_TEAM', 'ARCHIVIST')")
class PurgePlanController {

    private final RetentionPlanning planning;
    private final PlanApproval approval;
    private final Purges purges;
    private final Acknowledgements acknowledgements;

    PurgePlanController(
            RetentionPlanning planning, PlanApproval approval, Purges purges, Acknowledgements acknowledgements) {
        this.planning = planning;
        this.approval = approval;
        this.purges = purges;
        this.acknowledgements = acknowledgements;
    }

    record PlanBody(String ruleId) {}

    /** A retention plan for one rule, waiting for a second archivist. */
    @PostMapping("/plans")
    @ResponseStatus(HttpStatus.CREATED)
    PurgeView plan(@RequestBody PlanBody body) {
        if (body.ruleId() == null || body.ruleId().isBlank()) {
            throw new InvalidInputException("ruleId", "is required", FieldErrorCodes.REQUIRED);
        }
        return view(planning.planRule(
                body.ruleId(), CurrentUser.fromSecurityContext().userId()));
    }

    /** Four eyes: only an archivist, never the plan's creator (403 either way). */
    @PostMapping("/{purgeId}/approval")
    @PreAuthorize("hasRole('ARCHIVIST')")
    PurgeView approve(@PathVariable String purgeId) {
        return view(approval.approve(purgeId, CurrentUser.fromSecurityContext().userId()));
    }

    @GetMapping("/{purgeId}")
    PurgeView one(@PathVariable String purgeId) {
        return view(purges.find(purgeId).orElseThrow(() -> new NotFoundException("no purge " + purgeId)));
    }

    /** The latest 200 purges and plans, newest first. */
    @GetMapping
    List<PurgeView> recent() {
        return purges.recent(200).stream().map(this::view).toList();
    }

    private PurgeView view(Purge purge) {
        return PurgeView.of(purge, acknowledgements.of(purge.id()));
    }
}
