package se.municipality.eops.publication.catalogue.web;

import io.swagger.v3.oas.annotations.Operation;
import java.time.Instant;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import se.municipality.eops.publication.catalogue.application.PublicationFollowUp;
import se.municipality.eops.publication.catalogue.domain.VersionStatus;

@RestController
@RequestMapping("/api/publications")
class PublicationsController {

    private final PublicationFollowUp followUp;

    PublicationsController(PublicationFollowUp followUp) {
        this.followUp = followUp;
    }

    /** An approved e-service still waiting for the confirmation that its test cases were purged. */
    record StalledView(
            String eServiceId,
            String eServiceName,
            String versionId,
            String requestId,
            String reviewId,
            Instant approvedAt,
            Instant stalledAt) {}

    @GetMapping("/stalled")
    @PreAuthorize("hasRole('CENTRAL_TEAM')")
    @Operation(
            summary = "Approved e-services stalled waiting for their test-case purge",
            description = "Central team only. Flagged (PublicationStalled) after eops.publication.stall-after;"
                    + " an e-service leaves the list when the purge's confirmation publishes it or its request is"
                    + " withdrawn or rejected by the central team.")
    List<StalledView> stalled() {
        return followUp.stalled().stream()
                .flatMap(eService -> eService.versions().stream()
                        .filter(version -> version.status() == VersionStatus.APPROVED
                                && version.review().stalledAt() != null)
                        .map(version -> new StalledView(
                                eService.id(),
                                eService.name(),
                                version.versionId(),
                                version.requestId(),
                                version.review().reviewId(),
                                version.review().decidedAt(),
                                version.review().stalledAt())))
                .toList();
    }
}
