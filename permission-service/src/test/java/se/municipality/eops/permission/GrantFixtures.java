package se.municipality.eops.permission;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import se.municipality.eops.contract.permission.PermissionRole;
import se.municipality.eops.contract.permission.Person;
import se.municipality.eops.permission.grant.domain.Grant;
import se.municipality.eops.permission.grant.domain.Grants;
import se.municipality.eops.permission.grant.domain.Holder;
import se.municipality.eops.permission.grant.domain.Training;

/**
 * Grants stored through the service's own port, for what permission requests cannot ask for yet: a
 * validity period (RequestSubmitted carries none) and administrators without a training round trip.
 */
public final class GrantFixtures {

    private GrantFixtures() {}

    public static Grant store(
            Grants grants, PermissionRole role, String eServiceId, String personId, Instant now, Instant validUntil) {
        Training training = role == PermissionRole.ADMINISTRATOR
                ? new Training(LocalDate.parse("2026-10-01"), "Grundkurs", "cecilia", now)
                : null;
        Grant.Decided decided = Grant.decide(
                new Grant.Wish(
                        "gr-test-" + UUID.randomUUID(),
                        role,
                        eServiceId,
                        null,
                        Holder.of(new Person(personId, null, null)),
                        null,
                        validUntil,
                        null,
                        "cecilia"),
                training,
                now);
        if (!grants.add(decided.grant(), decided.event())) {
            throw new IllegalStateException("grant id taken: " + decided.grant().id());
        }
        return decided.grant();
    }
}
