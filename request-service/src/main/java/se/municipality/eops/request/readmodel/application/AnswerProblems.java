package se.municipality.eops.request.readmodel.application;

import java.util.List;
import se.municipality.eops.request.readmodel.domain.Finding;

/** The answers at once that stop a filing, as exceptions the web layer turns into problem details. */
public final class AnswerProblems {

    private AnswerProblems() {}

    /** What was found makes the request pointless or impossible as asked: 409 or 422. */
    public static class Answered extends RuntimeException {

        private final List<Finding> findings;

        public Answered(List<Finding> findings) {
            super(findings.get(0).message());
            this.findings = List.copyOf(findings);
        }

        public List<Finding> findings() {
            return findings;
        }
    }

    /** A check this request needs depends on a read model still catching up: 503, try again shortly. */
    public static class ChecksPending extends RuntimeException {

        private final List<String> readModels;

        public ChecksPending(List<String> readModels) {
            super("The service has just started and is still reading " + String.join(" and ", readModels)
                    + "; the checks of this request could not be made yet. Try again in a few seconds.");
            this.readModels = List.copyOf(readModels);
        }

        public List<String> readModels() {
            return readModels;
        }
    }
}
