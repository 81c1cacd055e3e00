package se.municipality.eops.purge.purging.application;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import se.municipality.eops.purge.holds.application.HoldKeeping;
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
    private final PlanningLock lock;

    public TestCasePurges(
            Purges purges,
            PurgeCases cases,
            HoldKeeping holds,
            PurgeRunner runner,
            PurgeSettings settings,
            Clock clock,
            PlanningLock lock) {
        this.purges = purges;
        this.cases = cases;
        this.holds = holds;
        this.runner = runner;
        this.settings = settings;
        this.clock = clock;
        this.lock = lock;
    }

    public void purge(String purgeId, String eServiceId, String requestId, String reviewId, String askedBy) {
        if (purges.find(purgeId).isEmpty()) {
            lock.forEService(eServiceId, () -> make(purgeId, eServiceId, requestId, reviewId, askedBy));
        }
        runner.submit(purgeId);
    }

    /** Under the e-service's lock, as plans are made: claims the test cases, then stores the purge. */
    private boolean make(String purgeId, String eServiceId, String requestId, String reviewId, String askedBy) {
        if (purges.find(purgeId).isPresent()) {
            return false;
        }
        Optional<String> eServiceHeld = holds.eServiceHeld(eServiceId);
        PurgeCases.Selection selection;
        List<HeldBack> heldBack = new ArrayList<>();
        if (eServiceHeld.isPresent()) {
            selection = PurgeCases.Selection.none();
            long held = cases.countTestCases(eServiceId);
            if (held > 0) {
                heldBack.add(new HeldBack(eServiceHeld.get(), held));
            }
        } else {
            List<String> open = purges.openIds(eServiceId);
            cases.dropBatchesOfClosedPurges(eServiceId, open);
            selection = cases.claimTestCases(
                    purgeId, eServiceId, new PurgeCases.Exclusions(holds.heldCases(), open), settings.batchSize());
            heldBack.addAll(selection.heldBack());
            if (selection.inOtherPurges() > 0) {
                heldBack.add(new HeldBack("in another purge", selection.inOtherPurges()));
            }
        }
        Preview preview = new Preview(null, selection.count(), selection.oldest(), selection.newest(), heldBack, null);
        boolean made = purges.insert(Purge.testCases(
                purgeId, eServiceId, requestId, reviewId, askedBy, preview, selection.batches(), clock.instant()));
        if (made) {
            log.info("Test-case purge {} of {}: {} test cases", purgeId, eServiceId, selection.count());
        }
        return made;
    }
}
