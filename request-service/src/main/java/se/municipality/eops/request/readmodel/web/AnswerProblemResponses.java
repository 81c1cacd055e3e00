package se.municipality.eops.request.readmodel.web;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import se.municipality.eops.request.readmodel.application.AnswerProblems;
import se.municipality.eops.request.readmodel.domain.Finding;
import se.municipality.eops.starter.web.FieldError;

/**
 * The answers at once as problem details: 409 when what is asked for exists already (a permission
 * held, a request still open), 422 when it refers to what does not exist (an e-service not in the
 * catalogue); {@code errors[].field} names the field and {@code found} what was found. A check that
 * cannot be made yet answers 503 with {@code Retry-After}.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class AnswerProblemResponses {

    static final String RETRY_AFTER_SECONDS = "5";

    @ExceptionHandler(AnswerProblems.Answered.class)
    ResponseEntity<ProblemDetail> answered(AnswerProblems.Answered ex) {
        Finding first = ex.findings().get(0);
        HttpStatus status = first.kind().conflict() ? HttpStatus.CONFLICT : HttpStatus.UNPROCESSABLE_CONTENT;
        List<FieldError> errors = ex.findings().stream()
                .map(finding -> new FieldError(finding.field(), finding.message()))
                .toList();
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                status, errors.stream().map(e -> e.field() + ": " + e.message()).collect(Collectors.joining("; ")));
        problem.setTitle(first.kind().conflict() ? "Already there" : "Not found in the catalogue");
        problem.setProperty("errors", errors);
        problem.setProperty(
                "found",
                ex.findings().stream()
                        .map(finding -> Map.of(
                                "kind", finding.kind().name(), "field", finding.field(), "facts", finding.found()))
                        .toList());
        return ResponseEntity.status(status).body(problem);
    }

    @ExceptionHandler(AnswerProblems.ChecksPending.class)
    ResponseEntity<ProblemDetail> pending(AnswerProblems.ChecksPending ex) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, ex.getMessage());
        problem.setTitle("Read models catching up");
        problem.setProperty("readModels", ex.readModels());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
                .body(problem);
    }
}
