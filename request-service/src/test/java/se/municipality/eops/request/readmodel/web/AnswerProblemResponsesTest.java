package se.municipality.eops.request.readmodel.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import se.municipality.eops.request.readmodel.application.AnswerProblems;
import se.municipality.eops.request.readmodel.domain.Finding;
import se.municipality.eops.request.readmodel.domain.Finding.Kind;

/** What each answer at once looks like to a client: its status, its field, what was found; 503 while catching up. */
class AnswerProblemResponsesTest {

    final AnswerProblemResponses responses = new AnswerProblemResponses();

    @Test
    void somethingThereAlreadyIs409AndSomethingMissing422() {
        ResponseEntity<ProblemDetail> already = responses.answered(new AnswerProblems.Answered(List.of(new Finding(
                Kind.ALREADY_ADMINISTRATOR, "permission.person.userId", "carl already is administrator", Map.of()))));
        ResponseEntity<ProblemDetail> missing = responses.answered(new AnswerProblems.Answered(List.of(new Finding(
                Kind.ESERVICE_NOT_IN_CATALOGUE, "publication.eServiceId", "not in the catalogue", Map.of()))));

        assertThat(already.getStatusCode().value()).isEqualTo(409);
        assertThat(missing.getStatusCode().value()).isEqualTo(422);
        assertThat(missing.getBody().getProperties()).containsKeys("errors", "found");
    }

    @Test
    void aCheckNotYetPossibleIs503WithRetryAfterNamingTheReadModel() {
        ResponseEntity<ProblemDetail> pending =
                responses.pending(new AnswerProblems.ChecksPending(List.of("permissions")));

        assertThat(pending.getStatusCode().value()).isEqualTo(503);
        assertThat(pending.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("5");
        assertThat(pending.getBody().getProperties()).containsEntry("readModels", List.of("permissions"));
        assertThat(pending.getBody().getDetail()).contains("permissions");
    }
}
