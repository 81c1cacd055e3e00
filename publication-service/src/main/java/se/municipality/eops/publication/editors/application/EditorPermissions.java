package se.municipality.eops.publication.editors.application;

import java.time.Clock;
import org.springframework.stereotype.Service;
import se.municipality.eops.contract.permission.PersonIds;
import se.municipality.eops.publication.editors.domain.EditorGrants;

/** Answers whether a caller is an editor of an e-service now. */
@Service
public class EditorPermissions {

    private final EditorGrants grants;
    private final Clock clock;

    public EditorPermissions(EditorGrants grants, Clock clock) {
        this.grants = grants;
        this.clock = clock;
    }

    /** @param userId the token's subject; compared after the contract's one normalisation */
    public boolean mayEdit(String userId, String eServiceId) {
        String personId = PersonIds.normalize(userId);
        return grants.of(personId, eServiceId).stream()
                .anyMatch(grant -> grant.lets(personId, eServiceId, clock.instant()));
    }
}
