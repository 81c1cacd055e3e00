package se.municipality.eops.purge.rules.domain;

import java.time.LocalDate;
import java.util.Map;
import se.municipality.eops.starter.rules.BrokenRule;
import se.municipality.eops.starter.rules.FieldErrorCodes;

/** A purge decision dated after today: a decision not taken yet cannot make cases due. */
public class DecisionDateInFuture extends BrokenRule {

    public DecisionDateInFuture(LocalDate decisionDate, LocalDate today) {
        super(
                "decisionDate",
                decisionDate + " lies in the future (today is " + today
                        + "): a purge decision is one the committee has taken already",
                FieldErrorCodes.IN_FUTURE,
                Map.of("today", today.toString()));
    }
}
