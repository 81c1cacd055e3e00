package se.municipality.eops.purge.purging.application;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import se.municipality.eops.purge.holds.application.HoldKeeping;
import se.municipality.eops.purge.holds.domain.LegalHold;
import se.municipality.eops.purge.purging.domain.HeldBack;
import se.municipality.eops.purge.purging.domain.Preview;
import se.municipality.eops.purge.purging.domain.Purge;
import se.municipality.eops.purge.purging.domain.PurgeCases;
import se.municipality.eops.purge.purging.domain.Purges;

/**
 * Deletes every test-flagged case of an e-service, and nothing else: on ReviewApproved of a brand-new e-service
 * and on a TEST_CASES request. No approval: test cases hold no real citizen's data. The purge id comes from the
 * event that asked for it, so a redelivery finds the purge made the first time and changes nothing.
 */
@Service
public class TestCasePurges {

    private static final Logger log = LoggerFactory.getLogger(TestCasePurges.class);

    private final Purges purges;
    private final PurgeCases cases;
    private final HoldKeeping holds;
    private final PurgeRunner runner;
    private final PurgeSettings settings;
    private final Clock clock;

    public TestCasePurges(
            Purges purges,
            PurgeCases cases,
            HoldKeeping holds,
            PurgeRunner runner,
            PurgeSettings settings,
            Clock clock) {
        this.purges = purges;
        this.cases = cases;
        this.holds = holds;
        this.runner = runner;
        this.settings = settings;
        this.clock = clock;
    }

    public void purge(String purgeId, String eServiceId, String requestId, String reviewId, String askedBy) {
        if (purges.find(purgeId).isEmpty()) {
            Optional<LegalHold> eServiceHold = holds.onEService(eServiceId);
            if (eServiceHold.isEmpty()) {
                cases.assignTestCases(purgeId, eServiceId);
            }
            PurgeCases.Selection selection = eServiceHold.isPresent()
                    ? PurgeCases.Selection.none()
                    : cases.writeBatches(purgeId, settings.batchSize(), "SUBMITTED");
            long notAssigned = cases.countTestCases(eServiceId) - selection.count();
            List<HeldBack> heldBack = notAssigned <= 0
                    ? List.of()
                    : List.of(new HeldBack(
                            eServiceHold
                                    .map(LegalHold::heldBackReason)
                                    .orElse("legal hold on the case, or in another purge"),
                            notAssigned));
            Preview preview =
                    new Preview(null, selection.count(), selection.oldest(), selection.newest(), heldBack, null);
            boolean made = purges.insert(Purge.testCases(
                    purgeId, eServiceId, requestId, reviewId, askedBy, preview, selection.batches(), clock.instant()));
            if (made) {
                log.info("Test-case purge {} of {}: {} test cases", purgeId, eServiceId, selection.count());
            }
        }
        runner.submit(purgeId);
    }
}
