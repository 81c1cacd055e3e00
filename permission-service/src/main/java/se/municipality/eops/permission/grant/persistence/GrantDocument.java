package se.municipality.eops.permission.grant.persistence;

import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;
import se.municipality.eops.contract.permission.Group;
import se.municipality.eops.contract.permission.PermissionRole;
import se.municipality.eops.contract.permission.Person;
import se.municipality.eops.permission.grant.domain.GrantStatus;
import se.municipality.eops.permission.grant.domain.HistoryEntry;
import se.municipality.eops.starter.outbox.PendingEvent;

/**
 * A grant as stored, with its events waiting to be published in the same document. {@code personId},
 * {@code groupId} and {@code searchText} repeat the holder in flat fields so that the check and the
 * handler search select on indexed fields.
 */
@Document(GrantDocument.COLLECTION)
// The check: "may P act as R on E?"
@CompoundIndex(name = "person_role_eservice", def = "{'personId': 1, 'role': 1, 'eServiceId': 1}")
// The check through groups, and a group's grant when members change.
@CompoundIndex(name = "group_status", def = "{'groupId': 1, 'status': 1}")
// The handler search and the access review of one e-service.
@CompoundIndex(name = "eservice_role_status", def = "{'eServiceId': 1, 'role': 1, 'status': 1}")
// The expiry job: open grants by end of validity.
@CompoundIndex(name = "status_valid_until", def = "{'status': 1, 'validUntil': 1}")
// Whether a request was carried out before (a redelivery).
@CompoundIndex(name = "history_request", def = "{'history.requestId': 1}")
record GrantDocument(
        @Id String id,
        PermissionRole role,
        String eServiceId,
        String eServiceName,
        Person person,
        Group group,
        String personId,
        String groupId,
        String searchText,
        Instant validFrom,
        Instant validUntil,
        GrantStatus status,
        String requestId,
        String decidedBy,
        List<HistoryEntry> history,
        List<PendingEvent> pendingEvents) {

    static final String COLLECTION = "grants";
}
