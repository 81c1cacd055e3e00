package se.municipality.eops.publication.checklist.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import se.municipality.eops.publication.checklist.application.ChecklistAdministration;
import se.municipality.eops.publication.checklist.domain.Checklist;
import se.municipality.eops.publication.checklist.domain.ChecklistItem;
import se.municipality.eops.starter.security.CurrentUser;

@RestController
@RequestMapping("/api/checklist")
class ChecklistController {

    private final ChecklistAdministration checklists;

    ChecklistController(ChecklistAdministration checklists) {
        this.checklists = checklists;
    }

    /**
     * The items of a new checklist version.
     *
     * @param basedOnVersion the version the editor started from (0 if none was in force); optional
     */
    record PublishChecklistBody(
            List<ChecklistItem> items,

            @Schema(
                    description = "The version the editor started from (0 if none was in force). Optional;"
                            + " when given and another version is in force now, nothing is published: 409"
                            + " on basedOnVersion, code changed-meanwhile, params.currentVersion the"
                            + " version in force.",
                    example = "2",
                    requiredMode = Schema.RequiredMode.NOT_REQUIRED)
            Integer basedOnVersion) {}

    @GetMapping
    @Operation(summary = "The checklist in force now", description = "Anyone with a token; the form shows it.")
    Checklist current() {
        return checklists.current();
    }

    @GetMapping("/versions")
    @Operation(summary = "Every checklist version, oldest first")
    List<Checklist> versions() {
        return checklists.history();
    }

    @PostMapping
    @PreAuthorize("hasRole('CENTRAL_TEAM')")
    @Operation(
            summary = "Publish a new checklist version",
            description = "Central team only. In force from now on; requests filed before keep being judged by"
                    + " the version in force when they were filed. With basedOnVersion, the version the editor"
                    + " started from, a save over a version someone else published meanwhile is refused with 409"
                    + " (basedOnVersion, changed-meanwhile, params.currentVersion) instead of undoing their"
                    + " changes; of two saves from the same version at the same moment exactly one is published.")
    ResponseEntity<Checklist> publish(@RequestBody PublishChecklistBody body) {
        Checklist published = checklists.publish(
                body.items(),
                body.basedOnVersion(),
                CurrentUser.fromSecurityContext().userId());
        return ResponseEntity.created(URI.create("/api/checklist/versions/" + published.version()))
                .body(published);
    }
}
