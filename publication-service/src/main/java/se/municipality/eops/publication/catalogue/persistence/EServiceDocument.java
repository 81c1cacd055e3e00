package se.municipality.eops.publication.catalogue.persistence;

import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.CompoundIndexes;
import org.springframework.data.mongodb.core.mapping.Document;
import se.municipality.eops.contract.publication.BasicInfo;
import se.municipality.eops.publication.catalogue.domain.EServiceVersion;
import se.municipality.eops.publication.catalogue.domain.InfoChange;
import se.municipality.eops.starter.outbox.PendingEvent;

/** An e-service with its versions and change log as stored, its events waiting in the same document. */
@Document(EServiceDocument.COLLECTION)
@CompoundIndexes({
    @CompoundIndex(name = "review_id", def = "{'versions.review.reviewId': 1}"),
    @CompoundIndex(name = "version_status", def = "{'versions.status': 1}"),
    @CompoundIndex(name = "name", def = "{'name': 1}")
})
record EServiceDocument(
        @Id String id,
        String name,
        String committee,
        String orderer,
        String contact,
        BasicInfo basicInfo,
        Instant registeredAt,
        List<EServiceVersion> versions,
        List<InfoChange> changeLog,
        @Version Long version,
        List<PendingEvent> pendingEvents) {

    static final String COLLECTION = "eservices";
}
