package se.municipality.eops.purge.holds.application;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import se.municipality.eops.purge.holds.domain.LegalHold;
import se.municipality.eops.purge.holds.domain.LegalHolds;

/** Places and lifts legal holds, logged with who did it. */
@Service
public class HoldKeeping {

    private static final Logger log = LoggerFactory.getLogger(HoldKeeping.class);

    private final LegalHolds holds;
    private final Clock clock;

    public HoldKeeping(LegalHolds holds, Clock clock) {
        this.holds = holds;
        this.clock = clock;
    }

    public LegalHold place(LegalHold.Target target, String targetId, String reason, String who) {
        LegalHold hold = new LegalHold(target, targetId, reason, who, clock.instant());
        holds.place(hold);
        log.info("Legal hold on {} {} placed by {}", target, targetId, who);
        return hold;
    }

    public boolean lift(LegalHold.Target target, String targetId, String who) {
        boolean lifted = holds.lift(target, targetId);
        log.info("Legal hold on {} {} lifted by {} (existed: {})", target, targetId, who, lifted);
        return lifted;
    }

    public Optional<LegalHold> onEService(String eServiceId) {
        return holds.onEService(eServiceId);
    }

    /** The cases on legal hold now, each with the reason a plan's preview gives for keeping it back. */
    public Map<String, String> heldCases() {
        Map<String, String> held = new HashMap<>();
        for (LegalHold hold : holds.onCases()) {
            held.put(hold.targetId(), hold.heldBackReason());
        }
        return held;
    }

    public List<LegalHold> all() {
        return holds.all();
    }
}
