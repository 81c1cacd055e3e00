package se.municipality.eops.request.drafts.application;

import java.util.List;
import se.municipality.eops.request.filing.domain.FieldViolation;

/** What can go wrong with a draft beyond what the starter's problem answers cover. */
public final class DraftProblems {

    private DraftProblems() {}

    /** A step (being saved, or the first incomplete one at submit) breaks rules: 400 naming its fields. */
    public static class StepInvalid extends RuntimeException {

        private final String step;
        private final List<FieldViolation> violations;

        public StepInvalid(String step, List<FieldViolation> violations, String message) {
            super(message);
            this.step = step;
            this.violations = List.copyOf(violations);
        }

        public String step() {
            return step;
        }

        public List<FieldViolation> violations() {
            return violations;
        }
    }

    /** The owner's draft expired: 410. */
    public static class DraftExpired extends RuntimeException {

        public DraftExpired(String id) {
            super("Draft " + id + " expired; start a new one.");
        }
    }
}
