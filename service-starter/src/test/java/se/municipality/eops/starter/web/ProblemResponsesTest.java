package se.municipality.eops.starter.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.ProblemDetail;
import se.municipality.eops.contract.schema.EventSchemaValidator.Violation;
import se.municipality.eops.starter.outbox.EventBreaksSchemaException;

class ProblemResponsesTest {

    private final ProblemResponses responses = new ProblemResponses();

    @Test
    void anEventThatWouldBreakItsSchemaIsABadRequestNamingTheFieldsAsTheCallerWroteThem() {
        EventBreaksSchemaException refused = new EventBreaksSchemaException(
                "RequestSubmitted",
                List.of(
                        new Violation("$.permission.group.members[3].email", "does not match the email format"),
                        new Violation("$", "payload is empty")));

        var answer = responses.eventBreaksSchema(refused);

        assertThat(answer.getStatusCode().value()).isEqualTo(400);
        ProblemDetail problem = answer.getBody();
        assertThat(problem.getProperties().get("errors"))
                .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.list(FieldError.class))
                .extracting(FieldError::field)
                .containsExactly("permission.group.members[3].email", "body");
        assertThat(problem.getDetail()).doesNotContain("$").doesNotContain("Exception");
    }
}
