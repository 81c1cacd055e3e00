package se.municipality.eops.request.drafts.web;

import java.util.List;
import java.util.stream.Collectors;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import se.municipality.eops.request.drafts.application.DraftProblems;
import se.municipality.eops.starter.web.FieldError;

/** Problem details for drafts, in the starter's shape ({@code errors[].field}), plus the step judged. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class DraftProblemResponses {

    @ExceptionHandler(DraftProblems.StepInvalid.class)
    ResponseEntity<ProblemDetail> stepInvalid(DraftProblems.StepInvalid ex) {
        List<FieldError> errors = ex.violations().stream()
                .map(v -> new FieldError(v.field(), v.message(), v.code(), v.params()))
                .toList();
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.BAD_REQUEST,
                ex.getMessage() + " "
                        + errors.stream()
                                .map(e -> e.field() + ": " + e.message())
                                .collect(Collectors.joining("; ")));
        problem.setTitle("Invalid request");
        problem.setProperty("step", ex.step());
        problem.setProperty("errors", errors);
        return ResponseEntity.badRequest().body(problem);
    }

    @ExceptionHandler(DraftProblems.DraftExpired.class)
    ResponseEntity<ProblemDetail> expired(DraftProblems.DraftExpired ex) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.GONE, ex.getMessage());
        problem.setTitle("Draft expired");
        return ResponseEntity.status(HttpStatus.GONE).body(problem);
    }
}
