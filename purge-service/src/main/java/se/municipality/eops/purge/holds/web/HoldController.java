package se.municipality.eops.purge.holds.web;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import se.municipality.eops.purge.holds.application.HoldKeeping;
import se.municipality.eops.purge.holds.domain.LegalHold;
import se.municipality.eops.purge.holds.domain.SeveralHolds;
import se.municipality.eops.starter.rules.FieldErrorCodes;
import se.municipality.eops.starter.security.CurrentUser;
import se.municipality.eops.starter.web.ConflictException;
import se.municipality.eops.starter.web.InvalidInputException;
import se.municipality.eops.starter.web.NotFoundException;

/**
 * Legal holds on a case or an e-service: archivists and the central team. Each hold has its own id; several may be
 * in force on the same target, and each is lifted by its id.
 */
@RestController
@RequestMapping("/api/legal-holds")
@PreAuthorize("hasAnyRole('CENTRAL_TEAM', 'ARCHIVIST')")
class HoldController {

    private static final int MAX_REASON = 500;
    private static final int MAX_ESERVICE_ID = 64;
    private static final int MAX_CASE_ID = 200;
    /**
     * E-service ids as the suite writes them everywhere (request-service's, the catalogue's): no blanks, so a hold on
     * {@code "es 1003"} cannot be set and then never match.
     */
    private static final Pattern ESERVICE_ID = Pattern.compile("[A-Za-z0-9._:-]{1," + MAX_ESERVICE_ID + "}");
    /**
     * Case ids are the platform's (the contract gives them no format): any visible characters, but no blank or
     * control character anywhere, so a typed {@code "1003 "} or {@code "es 1003"} is refused rather than held and
     * never matched, and a real case id of another shape can still be held.
     */
    private static final Pattern CASE_ID = Pattern.compile("[^\\s\\p{Cntrl}]{1," + MAX_CASE_ID + "}");

    private final HoldKeeping holds;

    HoldController(HoldKeeping holds) {
        this.holds = holds;
    }

    /** Exactly one of {@code caseId} (no blanks) and {@code eServiceId} (letters, digits or . _ : -), and a reason. */
    record HoldBody(String caseId, String eServiceId, String reason) {}

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    LegalHold place(@RequestBody HoldBody body) {
        if ((body.caseId() == null) == (body.eServiceId() == null)) {
            throw new InvalidInputException(
                    "caseId",
                    "give exactly one of caseId and eServiceId",
                    FieldErrorCodes.ONE_OF_TWO,
                    Map.of("other", "eServiceId"));
        }
        String field = body.caseId() != null ? "caseId" : "eServiceId";
        String targetId = body.caseId() != null ? body.caseId() : body.eServiceId();
        if (targetId.isBlank()) {
            throw new InvalidInputException(field, "is required", FieldErrorCodes.REQUIRED);
        }
        if (body.caseId() != null && !CASE_ID.matcher(targetId).matches()) {
            throw new InvalidInputException(
                    field,
                    "must be 1 to " + MAX_CASE_ID + " characters without blanks",
                    FieldErrorCodes.NOT_AN_ID,
                    Map.of("max", MAX_CASE_ID));
        }
        if (body.eServiceId() != null && !ESERVICE_ID.matcher(targetId).matches()) {
            throw new InvalidInputException(
                    field,
                    "must be 1 to " + MAX_ESERVICE_ID + " letters, digits or . _ : -",
                    FieldErrorCodes.NOT_AN_ID,
                    Map.of("max", MAX_ESERVICE_ID));
        }
        checkReason("reason", body.reason(), true);
        String who = CurrentUser.fromSecurityContext().userId();
        return holds.place(
                body.caseId() != null ? LegalHold.Target.CASE : LegalHold.Target.ESERVICE,
                targetId,
                body.reason(),
                who);
    }

    /** Lifts one hold by its id; {@code reason} (optional) is recorded with who lifted it and when. */
    @DeleteMapping("/{holdId}")
    ResponseEntity<Void> lift(@PathVariable String holdId, @RequestParam(required = false) String reason) {
        checkReason("reason", reason, false);
        return holds.lift(holdId, CurrentUser.fromSecurityContext().userId(), reason)
                .map(lifted -> ResponseEntity.noContent().<Void>build())
                .orElseGet(() -> ResponseEntity.notFound().build());
    }

    /**
     * Lifts the one hold in force on a case or e-service (kept for clients of one hold per target); 409 {@code
     * several-holds} when more than one is in force.
     */
    @DeleteMapping("/{target}/{targetId}")
    ResponseEntity<Void> liftOnly(
            @PathVariable LegalHold.Target target,
            @PathVariable String targetId,
            @RequestParam(required = false) String reason) {
        checkReason("reason", reason, false);
        try {
            return holds.liftOnly(
                            target, targetId, CurrentUser.fromSecurityContext().userId(), reason)
                    .map(lifted -> ResponseEntity.noContent().<Void>build())
                    .orElseGet(() -> ResponseEntity.notFound().build());
        } catch (SeveralHolds several) {
            throw new ConflictException(several);
        }
    }

    /** The holds in force; with {@code includeLifted=true} also the lifted ones, with who lifted them. */
    @GetMapping
    List<LegalHold> all(@RequestParam(defaultValue = "false") boolean includeLifted) {
        return holds.all(includeLifted);
    }

    @GetMapping("/{holdId}")
    LegalHold one(@PathVariable String holdId) {
        return holds.find(holdId).orElseThrow(() -> new NotFoundException("no legal hold " + holdId));
    }

    private static void checkReason(String field, String reason, boolean required) {
        if (reason == null || reason.isBlank()) {
            if (required) {
                throw new InvalidInputException(
                        field,
                        "is required (at most " + MAX_REASON + " characters)",
                        FieldErrorCodes.REQUIRED,
                        Map.of("max", MAX_REASON));
            }
            return;
        }
        if (reason.length() > MAX_REASON) {
            throw new InvalidInputException(
                    field,
                    "is required (at most " + MAX_REASON + " characters)",
                    FieldErrorCodes.TOO_LONG,
                    Map.of("max", MAX_REASON));
        }
    }
}
