package se.municipality.eops.permission.web;

import java.util.stream.Collectors;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import se.municipality.eops.permission.web.FieldFindings.InvalidFieldsException;

/** Every field error of a body in one problem, shaped as the starter's 400 for a single one. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class InvalidFieldsResponses {

    @ExceptionHandler(InvalidFieldsException.class)
    ResponseEntity<ProblemDetail> invalidFields(InvalidFieldsException ex) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.BAD_REQUEST,
                ex.errors().stream()
                        .map(error -> error.field() + ": " + error.message())
                        .collect(Collectors.joining("; ")));
        problem.setTitle("Invalid request");
        problem.setProperty("errors", ex.errors());
        return ResponseEntity.badRequest().body(problem);
    }
}
