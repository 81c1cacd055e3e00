package se.municipality.eops.purge.purging.application;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import se.municipality.eops.purge.purging.domain.PurgeCases;

/**
 * A case the platform deleted itself is not purged by us: it leaves the batch of a purge that has not run it yet,
 * so that purge neither counts nor announces it (the log shows it as deleted by the platform). A batch already
 * being executed keeps its cases: that purge took the case first.
 */
@Service
public class PlatformDeletions {

    private static final Logger log = LoggerFactory.getLogger(PlatformDeletions.class);

    private final PurgeCases cases;

    public PlatformDeletions(PurgeCases cases) {
        this.cases = cases;
    }

    public void caseDeleted(String caseId) {
        if (cases.withdrawDeletedByPlatform(caseId)) {
            log.info("Case {} was deleted by the platform before its purge batch ran; not counted as purged", caseId);
        }
    }
}
