package se.municipality.eops.publication.catalogue.domain;

import java.time.Instant;
import java.util.List;
import se.municipality.eops.contract.publication.PublicationKind;
import se.municipality.eops.publication.checklist.domain.ChecklistAnswer;

/** A publication request as request-service filed it, in the catalogue's terms. */
public record FiledPublication(
        String requestId,
        String requesterId,
        Instant filedAt,
        PublicationKind kind,
        String eServiceId,
        String eServiceName,
        String versionLabel,
        String committee,
        String orderer,
        List<ChecklistAnswer> answers) {

    public FiledPublication {
        answers = answers == null ? List.of() : List.copyOf(answers);
    }
}
