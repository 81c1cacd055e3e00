package se.municipality.eops.publication.catalogue.application;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import se.municipality.eops.publication.catalogue.domain.EService;
import se.municipality.eops.publication.catalogue.domain.EServices;

/**
 * What happens after the review: the purge's confirmation publishes an approved e-service; reviews that
 * wait too long are reminded of, and approved e-services that wait too long for the purge are flagged.
 */
@Service
public class PublicationFollowUp {

    private static final Logger log = LoggerFactory.getLogger(PublicationFollowUp.class);
    static final int SCAN_BATCH = 100;

    private final EServices eServices;
    private final EServiceWrites writes;
    private final PublicationProperties properties;
    private final Clock clock;

    public PublicationFollowUp(
            EServices eServices, EServiceWrites writes, PublicationProperties properties, Clock clock) {
        this.eServices = eServices;
        this.writes = writes;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * The test cases of an e-service were purged (the last batch of a TEST_CASES purge). Publishes the
     * approved version the purge belongs to, found by review id or else request id; a duplicate
     * confirmation finds it published and publishes nothing.
     *
     * @return whether this call published it
     */
    public boolean testCasesPurged(String eServiceId, String reviewId, String requestId) {
        if (eServices.find(eServiceId).isEmpty()) {
            log.info("Test cases of {} purged, but the catalogue does not know it; nothing to publish", eServiceId);
            return false;
        }
        return writes.change(
                "publication of " + eServiceId,
                () -> eServices.find(eServiceId).orElseThrow(),
                eService -> eService.testCasesPurged(reviewId, requestId, clock.instant()));
    }

    /** Reminds of reviews that have waited {@code eops.publication.remind-after} as of {@code now}. */
    public void remindOfWaitingReviews(Instant now) {
        Instant cutoff = now.minus(properties.remindAfter());
        writes.changeAll(
                eServices.withReviewsToRemind(cutoff, SCAN_BATCH),
                eService -> eService.remindOfWaitingReviews(now, properties.remindAfter()));
    }

    /** Flags approved e-services that have waited {@code eops.publication.stall-after} as of {@code now}. */
    public void flagStalledPublications(Instant now) {
        Instant cutoff = now.minus(properties.stallAfter());
        writes.changeAll(
                eServices.withPublicationsToFlag(cutoff, SCAN_BATCH),
                eService -> eService.flagStalledPublications(now, properties.stallAfter()));
    }

    /** Approved e-services flagged as stalled and still waiting for their purge. */
    public List<EService> stalled() {
        return eServices.withStalledPublications(Reviewing.MAX_LISTED);
    }

    public Instant now() {
        return clock.instant();
    }
}
