package se.municipality.eops.permission.grant.application;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Service;
import se.municipality.eops.permission.grant.domain.Grant;
import se.municipality.eops.permission.grant.domain.GrantStatus;
import se.municipality.eops.permission.grant.domain.Grants;

/**
 * Ends time-bounded grants on their own: {@code PermissionExpiring} once, {@code warn-before} ahead of
 * the end (so the administrator can ask for an extension), {@code PermissionExpired} at the end. The
 * scheduled job runs it on one replica at a time; the status guard of each change keeps a second run
 * (or a revocation at the same moment) from changing a grant twice.
 */
@Service
public class GrantExpiry {

    private static final int BATCH = 500;

    private final Grants grants;
    private final PermissionMetrics metrics;
    private final PermissionProperties properties;
    private final Clock clock;

    GrantExpiry(Grants grants, PermissionMetrics metrics, PermissionProperties properties, Clock clock) {
        this.grants = grants;
        this.metrics = metrics;
        this.properties = properties;
        this.clock = clock;
    }

    public record Run(int warned, int expired) {}

    public Run runOnce() {
        Instant now = clock.instant();
        int expired = 0;
        List<Grant> ended;
        do {
            ended = grants.endingBefore(GrantStatus.OPEN, now.plusMillis(1), BATCH);
            for (Grant grant : ended) {
                if (grants.apply(grant.expire(now))) {
                    expired++;
                    metrics.expired();
                }
            }
        } while (ended.size() == BATCH);
        int warned = 0;
        List<Grant> ending;
        do {
            ending = grants.endingBefore(
                    Set.of(GrantStatus.ACTIVE), now.plus(properties.expiry().warnBefore()), BATCH);
            for (Grant grant : ending) {
                if (grants.apply(grant.warnExpiring(now))) {
                    warned++;
                    metrics.expiring();
                }
            }
        } while (ending.size() == BATCH);
        return new Run(warned, expired);
    }
}
