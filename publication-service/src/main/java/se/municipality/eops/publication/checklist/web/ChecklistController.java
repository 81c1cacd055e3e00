package se.municipality.eops.publication.checklist.web;

import io.swagger.v3.oas.annotations.Operation;
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

    /** The items of a new checklist version. */
    record PublishChecklistBody(List<ChecklistItem> items) {}

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
                    + " the version in force when they were filed.")
    ResponseEntity<Checklist> publish(@RequestBody PublishChecklistBody body) {
        Checklist published = checklists.publish(
                body.items(), CurrentUser.fromSecurityContext().userId());
        return ResponseEntity.created(URI.create("/api/checklist/versions/" + published.version()))
                .body(published);
    }
}
