package se.municipality.eops.purge.holds.domain;

import java.util.List;
import java.util.Map;
import se.municipality.eops.starter.rules.BrokenRule;

/**
 * A lift by case or e-service that would end more than one hold: each hold is lifted by its own id. Code {@value
 * #SEVERAL_HOLDS} on the field {@code targetId}, {@code params.holdIds} the ids in force (comma-separated).
 */
public class SeveralHolds extends BrokenRule {

    public static final String SEVERAL_HOLDS = "several-holds";

    public SeveralHolds(LegalHold.Target target, String targetId, List<String> holdIds) {
        super(
                "targetId",
                holdIds.size() + " legal holds are in force on " + target + " " + targetId
                        + "; lift each by its id (DELETE /api/legal-holds/{id})",
                SEVERAL_HOLDS,
                Map.of("holdIds", String.join(",", holdIds)));
    }
}
