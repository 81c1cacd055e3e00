package se.municipality.eops.portal.team;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import se.municipality.eops.portal.services.PurgeServiceClient;
import se.municipality.eops.portal.services.ServiceProblem;
import se.municipality.eops.portal.services.ServiceUnavailable;
import se.municipality.eops.portal.web.FormErrors;
import se.municipality.eops.portal.web.Refusals;

/**
 * {@code /team/retention-rules?eServiceId=}: an e-service's retention rules; {@code /team/retention-rules/{id}}: one
 * rule as a form with every earlier version below it. Saving makes a new version of the one shown; if someone
 * else saved one in between, the service refuses (409) and the page says so, shows the values now stored next to
 * the typed ones and bases the form on the stored version, so that a second save (a deliberate one) goes through.
 */
@Controller
class RetentionRulesController {

    static final List<String> CLOCK_STARTS = List.of("SUBMITTED", "CLOSED");
    private static final List<String> INPUTS = List.of(
            "committee",
            "planRowReference",
            "decisionReference",
            "decisionDate",
            "retentionPeriod",
            "clockStart",
            "caseType",
            "active");

    private final PurgeServiceClient purge;

    RetentionRulesController(PurgeServiceClient purge) {
        this.purge = purge;
    }

    @GetMapping("/team/retention-rules")
    String rules(@RequestParam(required = false) String eServiceId, Model model) {
        FormErrors errors = new FormErrors();
        model.addAttribute("errors", errors);
        model.addAttribute("eServiceId", eServiceId);
        if (eServiceId == null) {
            return "team/retention-rules";
        }
        if (eServiceId.isBlank()) {
            errors.reject("eServiceId", "team.rules.eServiceId.required");
            return "team/retention-rules";
        }
        Refusals.answer(() -> purge.rulesOf(eServiceId.strip()), errors, field -> "eServiceId")
                .ifPresent(rules -> model.addAttribute("rules", rules));
        return "team/retention-rules";
    }

    @GetMapping("/team/retention-rules/{ruleId}")
    String rule(@PathVariable String ruleId, Model model) {
        PurgeServiceClient.Rule rule = purge.rule(ruleId);
        return page(rule, PurgeServiceClient.RuleChange.of(rule), new FormErrors(), model);
    }

    @PostMapping("/team/retention-rules/{ruleId}")
    String change(
            @PathVariable String ruleId, PurgeServiceClient.RuleChange form, Model model, RedirectAttributes redirect) {
        FormErrors errors = new FormErrors();
        try {
            PurgeServiceClient.Rule changed = purge.changeRule(ruleId, form.withoutBlanks());
            redirect.addFlashAttribute("notice", "team.rule.saved");
            redirect.addFlashAttribute("noticeArgument", changed.version());
            return "redirect:/team/retention-rules/" + ruleId;
        } catch (ServiceProblem problem) {
            Refusals.show(problem, errors, field -> INPUTS.contains(field) ? field : null);
            PurgeServiceClient.Rule now = purge.rule(ruleId);
            if (problem.status() != 409) {
                return page(now, form, errors, model);
            }
            // Someone saved a version in between: show theirs, keep what this person typed, and base the form on
            // theirs, so that saving again is a deliberate choice that the service takes.
            model.addAttribute("storedNow", now);
            return page(now, form.basedOn(now.version()), errors, model);
        } catch (ServiceUnavailable | ResourceAccessException down) {
            Refusals.noAnswer(down, errors);
            return page(purge.rule(ruleId), form, errors, model);
        }
    }

    private String page(
            PurgeServiceClient.Rule rule, PurgeServiceClient.RuleChange form, FormErrors errors, Model model) {
        model.addAttribute("rule", rule);
        model.addAttribute("versions", newestFirst(purge.ruleVersions(rule.ruleId())));
        model.addAttribute("form", form);
        model.addAttribute("clockStarts", CLOCK_STARTS);
        model.addAttribute("errors", errors);
        return "team/retention-rule";
    }

    private static List<PurgeServiceClient.Rule> newestFirst(List<PurgeServiceClient.Rule> oldestFirst) {
        List<PurgeServiceClient.Rule> versions = new ArrayList<>(oldestFirst);
        Collections.reverse(versions);
        return versions;
    }
}
