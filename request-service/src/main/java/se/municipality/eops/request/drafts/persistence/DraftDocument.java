package se.municipality.eops.request.drafts.persistence;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;
import se.municipality.eops.contract.request.PermissionRequest;
import se.municipality.eops.contract.request.PublicationRequest;
import se.municipality.eops.contract.request.PurgeRequest;
import se.municipality.eops.contract.request.RequestType;

/** A draft as stored. */
@Document(DraftDocument.COLLECTION)
@CompoundIndex(name = "owner_expires", def = "{'ownerId': 1, 'expiresAt': 1}")
record DraftDocument(
        @Id String id,
        String ownerId,
        RequestType type,
        PublicationRequest publication,
        PurgeRequest purge,
        PermissionRequest permission,
        Instant createdAt,
        Instant updatedAt,
        // The expiry job's scan; a TTL index would do it on real MongoDB, but the local server does
        // not honour TTL, so the job removes them either way.
        @Indexed(name = "expires_at") Instant expiresAt,
        String submittedRequestId,
        @Version Long version) {

    static final String COLLECTION = "drafts";
}
