package se.municipality.eops.purge.holds.web;

import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import se.municipality.eops.purge.holds.application.HoldKeeping;
import se.municipality.eops.purge.holds.domain.LegalHold;
import se.municipality.eops.starter.rules.FieldErrorCodes;
import se.municipality.eops.starter.security.CurrentUser;
import se.municipality.eops.starter.web.InvalidInputException;

/** Legal holds on a case or an e-service: archivists and the central team. */
@RestController
@RequestMapping("/api/legal-holds")
@PreAuthorize("hasAnyRole('CENTRAL_TEAM', 'ARCHIVIST')")
class HoldController {

    private final HoldKeeping holds;

    HoldController(HoldKeeping holds) {
        this.holds = holds;
    }

    /** Exactly one of {@code caseId} and {@code eServiceId}, and a reason. */
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
        if (body.reason() == null || body.reason().isBlank() || body.reason().length() > 500) {
            throw new InvalidInputException(
                    "reason",
                    "is required (at most 500 characters)",
                    body.reason() == null || body.reason().isBlank()
                            ? FieldErrorCodes.REQUIRED
                            : FieldErrorCodes.TOO_LONG,
                    Map.of("max", 500));
        }
        String who = CurrentUser.fromSecurityContext().userId();
        return body.caseId() != null
                ? holds.place(LegalHold.Target.CASE, body.caseId(), body.reason(), who)
                : holds.place(LegalHold.Target.ESERVICE, body.eServiceId(), body.reason(), who);
    }

    @DeleteMapping("/{target}/{targetId}")
    ResponseEntity<Void> lift(@PathVariable LegalHold.Target target, @PathVariable String targetId) {
        boolean lifted =
                holds.lift(target, targetId, CurrentUser.fromSecurityContext().userId());
        return lifted
                ? ResponseEntity.noContent().build()
                : ResponseEntity.notFound().build();
    }

    @GetMapping
    List<LegalHold> all() {
        return holds.all();
    }
}
