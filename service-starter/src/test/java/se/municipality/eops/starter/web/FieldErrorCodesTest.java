package se.municipality.eops.starter.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.mock.http.MockHttpInputMessage;
import se.municipality.eops.starter.concurrency.ConcurrentChangeException;
import se.municipality.eops.starter.rules.BrokenRule;
import se.municipality.eops.starter.rules.FieldErrorCodes;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.json.JsonMapper;

/** Field errors carry a machine-readable code (and its values) when there is one, and nothing more when not. */
class FieldErrorCodesTest {

    private final ProblemResponses responses = new ProblemResponses();
    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void anErrorWithoutACodeIsWrittenAsBefore() {
        assertThat(json.writeValueAsString(new FieldError("name", "is required")))
                .isEqualTo("{\"field\":\"name\",\"message\":\"is required\"}");
    }

    @Test
    void anErrorWithACodeCarriesItAndItsParams() {
        assertThat(json.writeValueAsString(
                        new FieldError("name", "may be at most 200 characters", "too-long", Map.of("max", 200))))
                .isEqualTo(
                        "{\"field\":\"name\",\"message\":\"may be at most 200 characters\",\"code\":\"too-long\",\"params\":{\"max\":200}}");
        assertThat(json.writeValueAsString(new FieldError("name", "is required", "required")))
                .isEqualTo("{\"field\":\"name\",\"message\":\"is required\",\"code\":\"required\"}");
    }

    @Test
    void anInvalidInputKeepsTheCodeAndParamsItWasThrownWith() {
        var answer = responses.invalidInput(
                new InvalidInputException("publication.eServiceName", "is required", "required", Map.of("a", "b")));

        assertThat(errorsOf(answer.getBody()))
                .containsExactly(
                        new FieldError("publication.eServiceName", "is required", "required", Map.of("a", "b")));
    }

    @Test
    void theStartersOwnErrorsHaveCodes() {
        assertThat(errorsOf(ProblemResponses.bodyTooLarge(1024)))
                .containsExactly(
                        new FieldError("body", "may be at most 1024 bytes", "too-large", Map.of("max", 1024L)));
        assertThat(errorsOf(responses.bodyNotUtf8(new BodyNotUtf8Exception(7)).getBody()))
                .extracting(FieldError::code)
                .containsExactly(FieldErrorCodes.NOT_UTF8);
    }

    @Test
    void aConflictKeepsTheCodeItWasThrownWith() {
        var answer = responses.conflict(
                new ConflictException("version", "was changed meanwhile", FieldErrorCodes.CHANGED_MEANWHILE));

        assertThat(errorsOf(answer.getBody()))
                .containsExactly(new FieldError("version", "was changed meanwhile", "changed-meanwhile", Map.of()));
    }

    @Test
    void aChangeThatKeptLosingItsRaceAnswers409BusyNamingTheField() {
        var answer = responses.concurrentChange(new ConcurrentChangeException("id", "the request r-1", 10));

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(errorsOf(answer.getBody()))
                .containsExactly(new FieldError(
                        "id",
                        "the request r-1 kept changing while this change was written (10 attempts); try again",
                        "busy",
                        Map.of()));
    }

    @Test
    void aForbiddenRuleAnswers403WithTheFieldCodeAndParamsItWasBrokenWith() {
        var answer = responses.forbidden(new ForbiddenException(
                new BrokenRule("planId", "must be approved by another archivist", "own-plan", Map.of("n", 1))));

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(errorsOf(answer.getBody()))
                .containsExactly(
                        new FieldError("planId", "must be approved by another archivist", "own-plan", Map.of("n", 1)));
    }

    enum Kind {
        NEW_ESERVICE,
        NEW_VERSION
    }

    @Test
    void aValueNotAmongTheAllowedNamesThemInItsParams() {
        var wrong = InvalidFormatException.from(null, "not one of the values", "OLD", Kind.class);
        wrong.prependPath(new Object(), "kind");
        var unreadable =
                new HttpMessageNotReadableException("unreadable", wrong, new MockHttpInputMessage(new byte[0]));

        var answer =
                responses.handleHttpMessageNotReadable(unreadable, new HttpHeaders(), HttpStatus.BAD_REQUEST, null);

        assertThat(errorsOf((ProblemDetail) answer.getBody()))
                .containsExactly(new FieldError(
                        "kind",
                        "must be one of [NEW_ESERVICE, NEW_VERSION]",
                        "not-one-of",
                        Map.of("allowed", "NEW_ESERVICE, NEW_VERSION")));
    }

    @Test
    void aDateOrPeriodTheMapperCannotReadSaysWhatItMustLookLike() {
        assertThat(unreadable("completedOn", "2026-13-45", LocalDate.class))
                .containsExactly(new FieldError(
                        "completedOn",
                        "must be a date such as 2026-06-01",
                        "not-a-date",
                        Map.of("example", "2026-06-01")));
        assertThat(unreadable("until", "30 juni 2027", Instant.class))
                .containsExactly(new FieldError(
                        "until",
                        "must be a date and time such as 2026-06-01T12:00:00Z",
                        "not-a-date",
                        Map.of("example", "2026-06-01T12:00:00Z")));
        assertThat(unreadable("retentionPeriod", "two years", Period.class))
                .extracting(FieldError::code)
                .containsExactly("not-a-period");
    }

    private List<FieldError> unreadable(String field, String value, Class<?> type) {
        var wrong = InvalidFormatException.from(null, "cannot be read", value, type);
        wrong.prependPath(new Object(), field);
        var unreadable =
                new HttpMessageNotReadableException("unreadable", wrong, new MockHttpInputMessage(new byte[0]));
        var answer =
                responses.handleHttpMessageNotReadable(unreadable, new HttpHeaders(), HttpStatus.BAD_REQUEST, null);
        return errorsOf((ProblemDetail) answer.getBody());
    }

    @SuppressWarnings("unchecked")
    private static List<FieldError> errorsOf(ProblemDetail problem) {
        return (List<FieldError>) problem.getProperties().get("errors");
    }
}
