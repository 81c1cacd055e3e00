package se.municipality.eops.publication.catalogue.web;

import io.swagger.v3.oas.annotations.Operation;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import se.municipality.eops.contract.publication.BasicInfo;
import se.municipality.eops.publication.catalogue.application.Catalogue;
import se.municipality.eops.publication.catalogue.domain.EServices;
import se.municipality.eops.publication.catalogue.domain.InfoChange;
import se.municipality.eops.publication.catalogue.domain.VersionStatus;
import se.municipality.eops.starter.security.CurrentUser;

@RestController
@RequestMapping("/api/eservices")
class EServicesController {

    private final Catalogue catalogue;

    EServicesController(Catalogue catalogue) {
        this.catalogue = catalogue;
    }

    record PageView(List<EServiceView> items, int page, int size, long total) {}

    record BulkBody(List<Catalogue.Registration> eServices) {}

    record BulkView(int registered, int alreadyRegistered, int invalid, List<Catalogue.RegistrationOutcome> outcomes) {}

    @GetMapping("/{eServiceId}")
    @Operation(
            summary = "An e-service with its versions",
            description = "Anyone with a token. Each version has its status (BLOCKED, IN_REVIEW, APPROVED, REJECTED,"
                    + " PUBLISHED, SUPERSEDED, or WITHDRAWN: its request was withdrawn, or rejected by the central"
                    + " team, while it was in review or approved; withdrawnBecause REQUEST_WITHDRAWN or"
                    + " REJECTED_BY_TEAM and withdrawnBy say which and who) and its dates (createdAt,"
                    + " statusChangedAt, publishedAt, supersededAt, withdrawnAt).")
    EServiceView get(@PathVariable String eServiceId) {
        return EServiceView.of(catalogue.get(eServiceId));
    }

    @GetMapping
    @Operation(
            summary = "Search the catalogue, paged",
            description = "q: part of the name or id, or a search keyword; status: e-services with a version in"
                    + " that status; committee: exactly. Sorted by name; page from 0, size 1-100.")
    PageView search(
            @RequestParam(required = false) String q,
            @RequestParam(required = false) VersionStatus status,
            @RequestParam(required = false) String committee,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        EServices.CataloguePage found =
                catalogue.search(new EServices.CatalogueQuery(q, status, committee, page, size));
        return new PageView(
                found.items().stream().map(EServiceView::of).toList(), found.page(), found.size(), found.total());
    }

    @PostMapping
    @PreAuthorize("hasRole('CENTRAL_TEAM')")
    @Operation(
            summary = "Register an e-service that already runs on the platform",
            description = "Central team only. Its version is registered as published; 409 if the catalogue has it.")
    ResponseEntity<EServiceView> register(@RequestBody Catalogue.Registration body) {
        var registered =
                catalogue.register(body, CurrentUser.fromSecurityContext().userId());
        return ResponseEntity.created(URI.create("/api/eservices/" + registered.id()))
                .body(EServiceView.of(registered));
    }

    @PostMapping("/bulk")
    @PreAuthorize("hasRole('CENTRAL_TEAM')")
    @Operation(
            summary = "Register many existing e-services at once (at most 1,000)",
            description = "Central team only. Each entry on its own: the answer says per entry REGISTERED,"
                    + " ALREADY_REGISTERED or INVALID (naming the field); importing again registers nothing twice.")
    BulkView registerAll(@RequestBody BulkBody body) {
        List<Catalogue.RegistrationOutcome> outcomes = catalogue.registerAll(
                body.eServices(), CurrentUser.fromSecurityContext().userId());
        return new BulkView(
                count(outcomes, Catalogue.RegistrationOutcome.Outcome.REGISTERED),
                count(outcomes, Catalogue.RegistrationOutcome.Outcome.ALREADY_REGISTERED),
                count(outcomes, Catalogue.RegistrationOutcome.Outcome.INVALID),
                outcomes);
    }

    @PutMapping("/{eServiceId}/basic-info")
    @Operation(
            summary = "Edit a published e-service's basic information",
            description = "Only a person holding the editor grant for this e-service (permission-service); others"
                    + " get 403. The whole basic information is sent; the change goes into the change log and out as"
                    + " EServiceInfoUpdated. Nothing changed: 200 and no log entry.")
    EServiceView editBasicInfo(@PathVariable String eServiceId, @RequestBody BasicInfo body) {
        catalogue.editBasicInfo(
                eServiceId, body, CurrentUser.fromSecurityContext().userId());
        return EServiceView.of(catalogue.get(eServiceId));
    }

    @GetMapping("/{eServiceId}/changes")
    @Operation(summary = "The e-service's change log: who changed its basic information, when, before and after")
    List<InfoChange> changes(@PathVariable String eServiceId) {
        return catalogue.changeLog(eServiceId);
    }

    private static int count(
            List<Catalogue.RegistrationOutcome> outcomes, Catalogue.RegistrationOutcome.Outcome wanted) {
        return (int)
                outcomes.stream().filter(outcome -> outcome.outcome() == wanted).count();
    }
}
