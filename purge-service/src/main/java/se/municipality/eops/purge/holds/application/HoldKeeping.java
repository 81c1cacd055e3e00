package se.municipality.eops.purge.holds.application;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import se.municipality.eops.purge.holds.domain.LegalHold;
import se.municipality.eops.purge.holds.domain.LegalHolds;
import se.municipality.eops.purge.holds.domain.SeveralHolds;

/**
 * Places and lifts legal holds, logged with who did it. Each hold is its own: a second hold on the same case or
 * e-service is kept beside the first, and the case stays held while any of them is in force.
 */
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
        LegalHold hold = LegalHold.placed("hold-" + UUID.randomUUID(), target, targetId, reason, who, clock.instant());
        holds.place(hold);
        log.info("Legal hold {} on {} {} placed by {}", hold.id(), target, targetId, who);
        return hold;
    }

    /**
     * Lifts one hold by its id, recording who, when and why.
     *
     * @return the lifted hold; empty if there is no such hold in force (unknown, or lifted already)
     */
    public Optional<LegalHold> lift(String holdId, String who, String why) {
        boolean lifted = holds.lift(holdId, who, clock.instant(), why);
        log.info("Legal hold {} lifted by {} (was in force: {})", holdId, who, lifted);
        return lifted ? holds.find(holdId) : Optional.empty();
    }

    /**
     * Lifts the one hold in force on a case or e-service (the API of one hold per target).
     *
     * @return the lifted hold; empty if none is in force
     * @throws SeveralHolds if more than one is: each is lifted by its id
     */
    public Optional<LegalHold> liftOnly(LegalHold.Target target, String targetId, String who, String why) {
        List<LegalHold> inForce = holds.inForceOn(target, targetId);
        if (inForce.size() > 1) {
            throw new SeveralHolds(
                    target, targetId, inForce.stream().map(LegalHold::id).toList());
        }
        return inForce.isEmpty() ? Optional.empty() : lift(inForce.get(0).id(), who, why);
    }

    public Optional<LegalHold> find(String holdId) {
        return holds.find(holdId);
    }

    /**
     * Why the whole e-service is held, as a plan's preview gives it (every hold in force on it); empty if none is.
     */
    public Optional<String> eServiceHeld(String eServiceId) {
        List<LegalHold> inForce = holds.inForceOn(LegalHold.Target.ESERVICE, eServiceId);
        return inForce.isEmpty() ? Optional.empty() : Optional.of(LegalHold.heldBackReason(inForce));
    }

    /**
     * The cases on legal hold now, each with the reason a plan's preview gives for keeping it back (every hold in
     * force on it).
     */
    public Map<String, String> heldCases() {
        Map<String, List<LegalHold>> byCase = new HashMap<>();
        for (LegalHold hold : holds.inForceOnCases()) {
            byCase.computeIfAbsent(hold.targetId(), caseId -> new ArrayList<>()).add(hold);
        }
        Map<String, String> held = new HashMap<>();
        byCase.forEach((caseId, onCase) -> held.put(caseId, LegalHold.heldBackReason(onCase)));
        return held;
    }

    /** The holds in force, or also the lifted ones. */
    public List<LegalHold> all(boolean alsoLifted) {
        return holds.all(alsoLifted);
    }
}
