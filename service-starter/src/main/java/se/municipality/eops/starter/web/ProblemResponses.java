package se.municipality.eops.starter.web;

import static se.municipality.eops.starter.rules.FieldErrorCodes.BEYOND_LIMITS;
import static se.municipality.eops.starter.rules.FieldErrorCodes.BUSY;
import static se.municipality.eops.starter.rules.FieldErrorCodes.INVALID_VALUE;
import static se.municipality.eops.starter.rules.FieldErrorCodes.NOT_A_DATE;
import static se.municipality.eops.starter.rules.FieldErrorCodes.NOT_A_PERIOD;
import static se.municipality.eops.starter.rules.FieldErrorCodes.NOT_BOOLEAN;
import static se.municipality.eops.starter.rules.FieldErrorCodes.NOT_JSON;
import static se.municipality.eops.starter.rules.FieldErrorCodes.NOT_JSON_OBJECT;
import static se.municipality.eops.starter.rules.FieldErrorCodes.NOT_LIST;
import static se.municipality.eops.starter.rules.FieldErrorCodes.NOT_NUMBER;
import static se.municipality.eops.starter.rules.FieldErrorCodes.NOT_OBJECT;
import static se.municipality.eops.starter.rules.FieldErrorCodes.NOT_ONE_OF;
import static se.municipality.eops.starter.rules.FieldErrorCodes.NOT_STRING;
import static se.municipality.eops.starter.rules.FieldErrorCodes.NOT_UTF8;
import static se.municipality.eops.starter.rules.FieldErrorCodes.OUT_OF_RANGE;
import static se.municipality.eops.starter.rules.FieldErrorCodes.REQUIRED;
import static se.municipality.eops.starter.rules.FieldErrorCodes.TOO_LARGE;
import static se.municipality.eops.starter.rules.FieldErrorCodes.UNREADABLE;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import se.municipality.eops.contract.schema.EventSchemaValidator.Violation;
import se.municipality.eops.starter.concurrency.ConcurrentChangeException;
import se.municipality.eops.starter.concurrency.ConcurrentChanges;
import se.municipality.eops.starter.outbox.EventBreaksSchemaException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every error as RFC 9457 problem details ({@code application/problem+json}). Input errors name the
 * field in {@code errors[].field} (a JSON path such as {@code publication.checklist[0].item}); no
 * answer ever carries a Java type, a package, a library's wording about itself or a stack frame, and
 * unexpected errors get a reference to the log line instead.
 */
@RestControllerAdvice
public class ProblemResponses extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemResponses.class);

    /** The field named when the body as a whole is wrong (not JSON, not an object, too large). */
    static final String BODY = "body";

    private static final JsonMapper PROBLEM_JSON = JsonMapper.builder()
            .changeDefaultPropertyInclusion(inclusion -> inclusion.withValueInclusion(JsonInclude.Include.NON_NULL))
            .build();

    /** Bean Validation's constraints that say a value is missing. */
    private static final Set<String> REQUIRED_CONSTRAINTS = Set.of("NotNull", "NotBlank", "NotEmpty");

    /** Where a parser's own message stops being about the input and starts being about the parser. */
    private static final Pattern PARSER_SELF_REFERENCE =
            Pattern.compile("\\s*(\\(start marker at|at \\[Source).*", Pattern.DOTALL);

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldError> errors = ex.getBindingResult().getFieldErrors().stream()
                .map(error -> new FieldError(
                        error.getField(),
                        error.getDefaultMessage(),
                        REQUIRED_CONSTRAINTS.contains(error.getCode()) ? REQUIRED : null))
                .sorted(Comparator.comparing(FieldError::field))
                .toList();
        return ResponseEntity.badRequest().body(invalid(errors));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
            if (cause instanceof BodyTooLargeException tooLarge) {
                return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE)
                        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                        .body(bodyTooLarge(tooLarge.maxBytes()));
            }
            if (cause instanceof BodyNotUtf8Exception notUtf8) {
                return ResponseEntity.badRequest().body(notUtf8(notUtf8));
            }
        }
        return ResponseEntity.badRequest().body(invalid(List.of(unreadable(ex))));
    }

    @ExceptionHandler(BodyTooLargeException.class)
    ResponseEntity<ProblemDetail> bodyTooLarge(BodyTooLargeException ex) {
        return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(bodyTooLarge(ex.maxBytes()));
    }

    @ExceptionHandler(BodyNotUtf8Exception.class)
    ResponseEntity<ProblemDetail> bodyNotUtf8(BodyNotUtf8Exception ex) {
        return ResponseEntity.badRequest().body(notUtf8(ex));
    }

    @ExceptionHandler(InvalidInputException.class)
    ResponseEntity<ProblemDetail> invalidInput(InvalidInputException ex) {
        return ResponseEntity.badRequest().body(invalid(List.of(ex.asFieldError())));
    }

    /**
     * The service was about to store an event its consumers would reject. The values nearly always
     * come from the caller's input, which the service's own rules let through: refuse the request
     * naming the fields, and warn, because the service's rules should have caught it first.
     */
    @ExceptionHandler(EventBreaksSchemaException.class)
    ResponseEntity<ProblemDetail> eventBreaksSchema(EventBreaksSchemaException ex) {
        log.warn("Refused a request whose {} would break the event's schema: {}", ex.eventType(), ex.violations());
        List<FieldError> errors = ex.violations().stream()
                .map(violation -> new FieldError(fieldOf(violation), "is not accepted: " + violation.message()))
                .toList();
        return ResponseEntity.badRequest().body(invalid(errors));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException ex) {
        return ResponseEntity.badRequest()
                .body(invalid(List.of(new FieldError(ex.getName(), "has an invalid value", INVALID_VALUE))));
    }

    @ExceptionHandler(ConflictException.class)
    ResponseEntity<ProblemDetail> conflict(ConflictException ex) {
        ProblemDetail problem =
                ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, ex.field() + ": " + ex.getMessage());
        problem.setTitle("Conflict");
        problem.setProperty("errors", List.of(ex.asFieldError()));
        return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
    }

    /** Others kept changing the thing under every attempt ({@link ConcurrentChanges}): try again. */
    @ExceptionHandler(ConcurrentChangeException.class)
    ResponseEntity<ProblemDetail> concurrentChange(ConcurrentChangeException ex) {
        return conflict(new ConflictException(ex.field(), ex.getMessage(), BUSY));
    }

    @ExceptionHandler(ForbiddenException.class)
    ResponseEntity<ProblemDetail> forbidden(ForbiddenException ex) {
        FieldError error = ex.asFieldError();
        ProblemDetail problem =
                ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, error.field() + ": " + error.message());
        problem.setTitle("Forbidden");
        problem.setProperty("errors", List.of(error));
        return ResponseEntity.status(HttpStatus.FORBIDDEN).body(problem);
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(NotFoundException ex) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, ex.getMessage());
        problem.setTitle("Not found");
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(problem);
    }

    /** Let Spring Security's entry point and access-denied handler answer these. */
    @ExceptionHandler({AccessDeniedException.class, AuthenticationException.class})
    void rethrowSecurity(RuntimeException ex) {
        throw ex;
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception ex) {
        String reference = UUID.randomUUID().toString();
        log.error("Unexpected error, reference {}", reference, ex);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.INTERNAL_SERVER_ERROR, "Something went wrong on our side. Reference: " + reference);
        problem.setTitle("Internal error");
        problem.setProperty("reference", reference);
        return ResponseEntity.internalServerError().body(problem);
    }

    static ProblemDetail invalid(List<FieldError> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.BAD_REQUEST,
                errors.stream().map(e -> e.field() + ": " + e.message()).collect(Collectors.joining("; ")));
        problem.setTitle("Invalid request");
        problem.setProperty("errors", errors);
        return problem;
    }

    private static ProblemDetail notUtf8(BodyNotUtf8Exception ex) {
        return invalid(List.of(new FieldError(BODY, "is not UTF-8 (byte " + ex.position() + ")", NOT_UTF8)));
    }

    static ProblemDetail bodyTooLarge(long maxBytes) {
        String message = "may be at most " + maxBytes + " bytes";
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE, BODY + ": " + message);
        problem.setTitle("Request body too large");
        problem.setProperty("errors", List.of(new FieldError(BODY, message, TOO_LARGE, Map.of("max", maxBytes))));
        return problem;
    }

    /** For {@link RequestBodyGuard}, which answers before Spring MVC is involved. */
    static void writeBodyTooLarge(HttpServletResponse response, long maxBytes) throws IOException {
        ProblemDetail problem = bodyTooLarge(maxBytes);
        response.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("type", "about:blank");
        json.put("title", problem.getTitle());
        json.put("status", problem.getStatus());
        json.put("detail", problem.getDetail());
        json.put("errors", problem.getProperties().get("errors"));
        response.getWriter().write(PROBLEM_JSON.writeValueAsString(json));
    }

    /** {@code $.permission.person.email} as the caller wrote it: {@code permission.person.email}. */
    private static String fieldOf(Violation violation) {
        String location = violation.location();
        if (location == null || location.equals("$")) {
            return BODY;
        }
        return location.startsWith("$.") ? location.substring(2) : location;
    }

    private static FieldError unreadable(HttpMessageNotReadableException ex) {
        if (!(ex.getCause() instanceof JacksonException problem)) {
            return new FieldError(BODY, "is missing or not readable", UNREADABLE);
        }
        String field = pathOf(problem);
        if (problem instanceof StreamConstraintsException) {
            return new FieldError(
                    field,
                    "goes beyond what this service reads: at most " + BoundedInput.MAX_NESTING_DEPTH
                            + " levels of nesting, texts of " + BoundedInput.MAX_STRING_LENGTH
                            + " characters, numbers of " + BoundedInput.MAX_NUMBER_LENGTH + " digits and names of "
                            + BoundedInput.MAX_NAME_LENGTH + " characters",
                    BEYOND_LIMITS,
                    Map.of(
                            "maxNesting", BoundedInput.MAX_NESTING_DEPTH,
                            "maxText", BoundedInput.MAX_STRING_LENGTH,
                            "maxDigits", BoundedInput.MAX_NUMBER_LENGTH,
                            "maxName", BoundedInput.MAX_NAME_LENGTH));
        }
        if (problem instanceof InputCoercionException) {
            return new FieldError(field, "holds a number out of range", OUT_OF_RANGE);
        }
        if (problem instanceof MismatchedInputException mismatch) {
            return field.equals(BODY)
                    ? new FieldError(field, "must be one JSON object", NOT_JSON_OBJECT)
                    : expectation(field, mismatch);
        }
        if (problem instanceof tools.jackson.databind.DatabindException) {
            return new FieldError(field, "has an invalid value", INVALID_VALUE);
        }
        return new FieldError(field, "is not valid JSON" + parserFinding(problem), NOT_JSON);
    }

    /** The JSON path the parser had reached, e.g. {@code publication.checklist[0].done}; else the body. */
    private static String pathOf(JacksonException problem) {
        if (problem.getPath().isEmpty()) {
            return BODY;
        }
        return problem.getPath().stream()
                .map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."))
                .replace(".[", "[");
    }

    /** Says what was expected without naming our classes. */
    private static FieldError expectation(String field, MismatchedInputException mismatch) {
        Class<?> target = mismatch.getTargetType();
        if (target == null) {
            return new FieldError(field, "has an invalid value", INVALID_VALUE);
        }
        if (target.isEnum()) {
            String allowed = Arrays.stream(target.getEnumConstants())
                    .map(String::valueOf)
                    .collect(Collectors.joining(", "));
            return new FieldError(field, "must be one of [" + allowed + "]", NOT_ONE_OF, Map.of("allowed", allowed));
        }
        if (target == boolean.class || target == Boolean.class) {
            return new FieldError(field, "must be true or false", NOT_BOOLEAN);
        }
        if (Number.class.isAssignableFrom(target) || target.isPrimitive()) {
            return new FieldError(field, "must be a number", NOT_NUMBER);
        }
        if (Collection.class.isAssignableFrom(target) || target.isArray()) {
            return new FieldError(field, "must be a list", NOT_LIST);
        }
        if (target == String.class) {
            return new FieldError(field, "must be a string", NOT_STRING);
        }
        return timeExpectation(field, target).orElseGet(() -> new FieldError(field, "must be an object", NOT_OBJECT));
    }

    /** A date, a time or a period the JSON mapper could not read: what it must look like, with an example. */
    private static Optional<FieldError> timeExpectation(String field, Class<?> target) {
        String kind;
        String example;
        String code = NOT_A_DATE;
        if (target == LocalDate.class) {
            kind = "a date";
            example = "2026-06-01";
        } else if (target == Instant.class || target == OffsetDateTime.class || target == ZonedDateTime.class) {
            kind = "a date and time";
            example = "2026-06-01T12:00:00Z";
        } else if (target == LocalDateTime.class) {
            kind = "a date and time";
            example = "2026-06-01T12:00:00";
        } else if (target == Period.class) {
            kind = "an ISO-8601 period";
            example = "P1Y";
            code = NOT_A_PERIOD;
        } else if (target == Duration.class) {
            kind = "an ISO-8601 duration";
            example = "PT1H";
            code = NOT_A_PERIOD;
        } else {
            return Optional.empty();
        }
        return Optional.of(
                new FieldError(field, "must be " + kind + " such as " + example, code, Map.of("example", example)));
    }

    /**
     * What the parser found and where, in its words about the input only: the part of its message
     * that describes itself (its source, features and types) is cut off, and a message that still
     * mentions code is left out entirely.
     */
    private static String parserFinding(JacksonException problem) {
        String finding = problem.getOriginalMessage() == null
                ? ""
                : PARSER_SELF_REFERENCE.matcher(problem.getOriginalMessage()).replaceFirst("");
        boolean aboutCode = finding.contains("`")
                || finding.contains("java.")
                || finding.contains("jackson")
                || finding.contains("Exception");
        StringBuilder text = new StringBuilder();
        if (!finding.isBlank() && !aboutCode) {
            text.append(": ").append(finding.strip());
        }
        TokenStreamLocation location = problem.getLocation();
        if (location != null && location.getLineNr() > 0) {
            text.append(" (line ")
                    .append(location.getLineNr())
                    .append(", column ")
                    .append(location.getColumnNr())
                    .append(')');
        }
        return text.toString();
    }
}
