package se.municipality.eops.publication.catalogue.web;

import java.time.Instant;
import java.util.List;
import se.municipality.eops.contract.publication.BasicInfo;
import se.municipality.eops.contract.publication.PublicationKind;
import se.municipality.eops.publication.catalogue.domain.EService;
import se.municipality.eops.publication.catalogue.domain.EServiceVersion;
import se.municipality.eops.publication.catalogue.domain.VersionStatus;
import se.municipality.eops.publication.catalogue.domain.WithdrawalCause;

/** An e-service as the catalogue's read API shows it: its details, the live version and every version. */
record EServiceView(
        String eServiceId,
        String name,
        String committee,
        String orderer,
        String contact,
        BasicInfo basicInfo,
        Instant registeredAt,
        VersionView publishedVersion,
        List<VersionView> versions) {

    static EServiceView of(EService eService) {
        return new EServiceView(
                eService.id(),
                eService.name(),
                eService.committee(),
                eService.orderer(),
                eService.contact(),
                eService.basicInfo(),
                eService.registeredAt(),
                eService.published().map(VersionView::of).orElse(null),
                eService.versions().stream().map(VersionView::of).toList());
    }

    /** One version with its status and dates (review details are in the review API). */
    record VersionView(
            String versionId,
            String label,
            PublicationKind kind,
            VersionStatus status,
            String requestId,
            Instant createdAt,
            Instant statusChangedAt,
            Instant publishedAt,
            Instant supersededAt,
            Instant withdrawnAt,
            String withdrawnBy,
            WithdrawalCause withdrawnBecause,
            String reviewId,
            String blockedReason) {

        static VersionView of(EServiceVersion version) {
            return new VersionView(
                    version.versionId(),
                    version.label(),
                    version.kind(),
                    version.status(),
                    version.requestId(),
                    version.createdAt(),
                    version.statusChangedAt(),
                    version.publishedAt(),
                    version.supersededAt(),
                    version.withdrawnAt(),
                    version.withdrawnBy(),
                    version.withdrawnBecause(),
                    version.review() == null ? null : version.review().reviewId(),
                    version.blockedReason());
        }
    }
}
