package se.municipality.eops.purge.rules.web;

import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import se.municipality.eops.purge.rules.application.RuleMaintenance;
import se.municipality.eops.starter.rules.FieldErrorCodes;
import se.municipality.eops.starter.security.CurrentUser;
import se.municipality.eops.starter.web.InvalidInputException;

/** Retention rules: kept by the central team and the archivists. */
@RestController
@RequestMapping("/api/retention-rules")
@PreAuthorize("hasAnyRole('CENTRAL_TEAM', 'ARCHIVIST')")
class RuleController {

    private final RuleMaintenance rules;

    RuleController(RuleMaintenance rules) {
        this.rules = rules;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    RuleView create(@RequestBody RuleBody body) {
        return RuleView.of(rules.create(
                body.toDraft(null), CurrentUser.fromSecurityContext().userId()));
    }

    /** A new version; the body names the version it changes ({@code version}), else 409 if another came first. */
    @PutMapping("/{ruleId}")
    RuleView change(@PathVariable String ruleId, @RequestBody RuleBody body) {
        if (body.version() == null) {
            throw new InvalidInputException(
                    "version", "is required: the version you changed", FieldErrorCodes.REQUIRED);
        }
        var current = rules.current(ruleId);
        return RuleView.of(rules.change(
                ruleId,
                body.version(),
                body.toDraft(current.eServiceId()),
                CurrentUser.fromSecurityContext().userId()));
    }

    @GetMapping("/{ruleId}")
    RuleView current(@PathVariable String ruleId) {
        return RuleView.of(rules.current(ruleId));
    }

    /** Every version, oldest first: the log of changes. */
    @GetMapping("/{ruleId}/versions")
    List<RuleView> versions(@PathVariable String ruleId) {
        return rules.history(ruleId).stream().map(RuleView::of).toList();
    }

    @GetMapping
    List<RuleView> ofEService(@RequestParam String eServiceId) {
        return rules.ofEService(eServiceId).stream().map(RuleView::of).toList();
    }
}
