package se.municipality.eops.request.filing.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import se.municipality.eops.contract.EmailAddresses;
import se.municipality.eops.contract.request.Requester;
import se.municipality.eops.contract.request.RequesterRole;
import se.municipality.eops.request.filing.application.RequestFiling;
import se.municipality.eops.request.filing.domain.RequestDetails;
import se.municipality.eops.request.filing.domain.ViolationCodes;
import se.municipality.eops.starter.rules.FieldErrorCodes;
import se.municipality.eops.starter.security.CurrentUser;
import se.municipality.eops.starter.web.InvalidInputException;

@RestController
@RequestMapping("/api/requests")
class RequestController {

    static final String CENTRAL_TEAM = "CENTRAL_TEAM";
    private static final Pattern IDEMPOTENCY_KEY_FORMAT = Pattern.compile("[A-Za-z0-9._:-]{8,128}");

    private final RequestFiling filing;

    RequestController(RequestFiling filing) {
        this.filing = filing;
    }

    @PostMapping
    @PreAuthorize("hasAnyRole('ESERVICE_ADMINISTRATOR', 'ESERVICE_AMBASSADOR')")
    @Operation(summary = "File a request", description = "Only e-service administrators and ambassadors may file.")
    ResponseEntity<RequestView> file(
            @RequestBody FileRequestBody body,
            @Parameter(
                            description =
                                    "Any unique string per request the user means to file once, e.g. a UUID made when "
                                            + "the form opens. Filing again with the same key returns the first request (200).")
                    @RequestHeader(name = RequestFiling.IDEMPOTENCY_KEY, required = false)
                    String idempotencyKey) {
        if (idempotencyKey != null
                && !IDEMPOTENCY_KEY_FORMAT.matcher(idempotencyKey).matches()) {
            throw new InvalidInputException(
                    RequestFiling.IDEMPOTENCY_KEY,
                    "must be 8 to 128 characters: letters, digits, . _ : -",
                    FieldErrorCodes.INVALID_VALUE);
        }
        CurrentUser user = CurrentUser.fromSecurityContext();
        if (user.email() == null || user.email().isBlank()) {
            throw new InvalidInputException(
                    "requester.email",
                    "your account has no e-mail address, so we could not keep you informed",
                    ViolationCodes.ACCOUNT_EMAIL);
        }
        if (!EmailAddresses.isValid(user.email())) {
            // From the token, not the body: the caller cannot fix it in the form, so say where it comes from.
            throw new InvalidInputException(
                    "requester.email",
                    "your account's e-mail address is not one we can send to (plain ASCII, such as name@kommun.se);"
                            + " ask the administrators of your login to correct it",
                    ViolationCodes.ACCOUNT_EMAIL);
        }
        RequesterRole role = user.hasRole(RequesterRole.ESERVICE_ADMINISTRATOR.name())
                ? RequesterRole.ESERVICE_ADMINISTRATOR
                : RequesterRole.ESERVICE_AMBASSADOR;
        RequestFiling.Filed filed = filing.file(
                new Requester(user.userId(), user.name(), user.email(), role),
                new RequestDetails(body.type(), body.publication(), body.purge(), body.permission()),
                Optional.ofNullable(idempotencyKey));
        URI location = URI.create("/api/requests/" + filed.request().id());
        RequestView view = RequestView.of(filed.request());
        return filed.created()
                ? ResponseEntity.created(location).body(view)
                : ResponseEntity.ok().location(location).body(view);
    }

    @GetMapping("/{id}")
    @Operation(
            summary = "A request with its status and timeline",
            description = "Its requester and the central team may read it.")
    RequestView get(@PathVariable String id) {
        CurrentUser user = CurrentUser.fromSecurityContext();
        return RequestView.of(filing.get(id, user.userId(), user.hasRole(CENTRAL_TEAM)));
    }

    @GetMapping
    @Operation(summary = "My requests, newest first")
    List<RequestView> mine(@RequestParam(defaultValue = "20") int limit) {
        if (limit < 1 || limit > 100) {
            throw new InvalidInputException(
                    "limit", "must be between 1 and 100", FieldErrorCodes.OUT_OF_RANGE, Map.of("min", 1, "max", 100));
        }
        return filing.mine(CurrentUser.fromSecurityContext().userId(), limit).stream()
                .map(RequestView::of)
                .toList();
    }
}
