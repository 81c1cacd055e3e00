package se.municipality.eops.request.sla.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;
import se.municipality.eops.request.filing.domain.RequestStatus;
import se.municipality.eops.request.filing.domain.ServiceRequest;
import se.municipality.eops.request.filing.domain.ServiceRequests;
import se.municipality.eops.request.lifecycle.application.RequestChanges;

/**
 * Marks the requests that waited in their status longer than the SLA allows. A request found late is read
 * again and changed through its version, so a status change in between (which clears the mark and starts a
 * new stay) wins and a second run, or a second replica, marks nothing twice.
 */
@Service
@EnableConfigurationProperties(SlaProperties.class)
public class OverdueRequests {

    private static final Logger log = LoggerFactory.getLogger(OverdueRequests.class);
    static final int BATCH = 500;

    private final ServiceRequests requests;
    private final RequestChanges changes;
    private final SlaProperties properties;
    private final Clock clock;

    public OverdueRequests(ServiceRequests requests, RequestChanges changes, SlaProperties properties, Clock clock) {
        this.requests = requests;
        this.changes = changes;
        this.properties = properties;
        this.clock = clock;
    }

    /** One pass over every status with a limit; answers how many requests it marked. */
    public int markOverdue() {
        Instant now = clock.instant();
        int marked = 0;
        for (Map.Entry<RequestStatus, Duration> limit : properties.sla().entrySet()) {
            Duration allowed = limit.getValue();
            List<ServiceRequest> late;
            int markedInRound;
            // Batches until none is left: each marked request leaves the query's result. A full batch of which none
            // was marked (found late by the query but not by the request itself, or changed in between) would be
            // found again and again: the pass ends there, and the next run looks again.
            do {
                late = requests.findLateInStatus(limit.getKey(), now.minus(allowed), BATCH);
                markedInRound = 0;
                for (ServiceRequest request : late) {
                    boolean[] markedNow = {false};
                    changes.change(request.id(), null, stored -> markedNow[0] = stored.markOverdueIfLate(allowed, now));
                    markedInRound += markedNow[0] ? 1 : 0;
                }
                marked += markedInRound;
            } while (late.size() == BATCH && markedInRound > 0);
            if (late.size() == BATCH && markedInRound == 0) {
                log.warn(
                        "{} requests in {} found late but none of them could be marked; the next run looks again",
                        late.size(),
                        limit.getKey());
            }
        }
        if (marked > 0) {
            log.info("{} requests marked overdue", marked);
        }
        return marked;
    }
}
