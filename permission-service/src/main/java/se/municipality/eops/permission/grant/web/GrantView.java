package se.municipality.eops.permission.grant.web;

import java.time.Instant;
import java.util.List;
import se.municipality.eops.contract.permission.Group;
import se.municipality.eops.contract.permission.PermissionRole;
import se.municipality.eops.contract.permission.Person;
import se.municipality.eops.permission.grant.domain.Grant;
import se.municipality.eops.permission.grant.domain.GrantStatus;
import se.municipality.eops.permission.grant.domain.HistoryEntry;

/** A grant with its status and history, as the API shows it. */
record GrantView(
        String id,
        PermissionRole role,
        String eServiceId,
        String eServiceName,
        Person person,
        Group group,
        Instant validFrom,
        Instant validUntil,
        GrantStatus status,
        String requestId,
        String decidedBy,
        List<HistoryEntry> history) {

    static GrantView of(Grant grant) {
        return new GrantView(
                grant.id(),
                grant.role(),
                grant.eServiceId(),
                grant.eServiceName(),
                grant.holder().person(),
                grant.holder().group(),
                grant.validFrom(),
                grant.validUntil(),
                grant.status(),
                grant.requestId(),
                grant.decidedBy(),
                grant.history());
    }
}
