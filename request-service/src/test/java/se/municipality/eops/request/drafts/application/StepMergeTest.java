package se.municipality.eops.request.drafts.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import se.municipality.eops.contract.request.PublicationRequest;
import se.municipality.eops.contract.request.PurgeRequest;
import se.municipality.eops.contract.request.PurgeRequest.PurgeKind;
import se.municipality.eops.contract.request.RequestType;
import se.municipality.eops.request.filing.domain.FieldViolation;
import se.municipality.eops.request.filing.domain.RequestDetails;
import se.municipality.eops.request.filing.domain.ViolationCodes;
import se.municipality.eops.request.steps.domain.RequestSteps;
import se.municipality.eops.request.steps.domain.Step;
import tools.jackson.databind.json.JsonMapper;

/** A step's body that gives fields it may not save names each with a code, as the rules' violations do. */
class StepMergeTest {

    private final StepMerge merge = new StepMerge(JsonMapper.builder().build());
    private final Step eservice =
            RequestSteps.step(RequestType.PUBLICATION, "eservice").orElseThrow();

    @Test
    void aFieldOfAnotherStepNamesThatStep() {
        RequestDetails body =
                RequestDetails.publication(new PublicationRequest(null, null, null, null, "SBN", null, null, null));

        assertThat(merge.strangers(RequestType.PUBLICATION, eservice, body))
                .containsExactly(new FieldViolation(
                        "publication.committee",
                        "belongs to step responsibility, save it there",
                        ViolationCodes.OTHER_STEP,
                        Map.of("step", "responsibility")));
    }

    @Test
    void detailsOfAnotherTypeNameTheDraftsType() {
        RequestDetails body = new RequestDetails(
                RequestType.PUBLICATION,
                null,
                new PurgeRequest(PurgeKind.TEST_CASES, "es-1", "Parkering", null, null, null),
                null);

        assertThat(merge.strangers(RequestType.PUBLICATION, eservice, body))
                .containsExactly(new FieldViolation(
                        "purge",
                        "must be left out of a PUBLICATION request",
                        ViolationCodes.NOT_FOR_TYPE,
                        Map.of("type", "PUBLICATION")));
    }
}
