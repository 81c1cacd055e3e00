package se.municipality.eops.permission.group.persistence;

import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;
import se.municipality.eops.contract.permission.Person;
import se.municipality.eops.starter.outbox.PendingEvent;

/**
 * A handler group as stored, its change events waiting in the same document. {@code memberIds}
 * repeats the members' ids flat for the check's index; {@code appliedRequests} lists the requests
 * that changed the group, so a redelivered request finds it was carried out.
 */
@Document(GroupDocument.COLLECTION)
@CompoundIndex(name = "member_eservice", def = "{'memberIds': 1, 'eServiceId': 1}")
@CompoundIndex(name = "eservice", def = "{'eServiceId': 1}")
@CompoundIndex(name = "applied_requests", def = "{'appliedRequests': 1}")
record GroupDocument(
        @Id String id,
        String eServiceId,
        String name,
        List<Person> members,
        List<String> memberIds,
        List<String> appliedRequests,
        @Version Long version,
        List<PendingEvent> pendingEvents) {

    static final String COLLECTION = "handler_groups";
}
