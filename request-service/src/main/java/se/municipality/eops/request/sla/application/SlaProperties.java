package se.municipality.eops.request.sla.application;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import se.municipality.eops.request.filing.domain.RequestStatus;

/**
 * @param sla the longest a request may stay in a status; statuses not listed have no limit
 * @param slaCheckInterval how often the job looks for overdue requests
 */
@ConfigurationProperties("eops.requests")
public record SlaProperties(Map<RequestStatus, Duration> sla, Duration slaCheckInterval) {

    public SlaProperties {
        sla = sla == null ? Map.of() : Map.copyOf(sla);
        slaCheckInterval = slaCheckInterval == null ? Duration.ofMinutes(5) : slaCheckInterval;
        sla.forEach((status, allowed) -> {
            if (status.terminal()) {
                throw new IllegalArgumentException("eops.requests.sla." + status + ": a terminal status has no SLA");
            }
            if (allowed.isNegative() || allowed.isZero()) {
                throw new IllegalArgumentException("eops.requests.sla." + status + " must be positive");
            }
        });
    }
}
