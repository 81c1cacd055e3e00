package se.municipality.eops.purge.rules.application;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import se.municipality.eops.purge.rules.domain.DecisionDateInFuture;
import se.municipality.eops.purge.rules.domain.RetentionRule;
import se.municipality.eops.purge.rules.domain.RetentionRules;
import se.municipality.eops.starter.rules.FieldErrorCodes;
import se.municipality.eops.starter.web.ConflictException;
import se.municipality.eops.starter.web.InvalidInputException;
import se.municipality.eops.starter.web.NotFoundException;

/** Creates and changes retention rules; each change is a new version, logged with who made it. */
@Service
public class RuleMaintenance {

    private static final Logger log = LoggerFactory.getLogger(RuleMaintenance.class);

    private final RetentionRules rules;
    private final Clock clock;
    private final ZoneId timeZone;

    public RuleMaintenance(RetentionRules rules, Clock clock, RuleSettings settings) {
        this.rules = rules;
        this.clock = clock;
        this.timeZone = settings.timeZone();
    }

    /** @param draft the rule's content; its id, version and change stamp are set here */
    public RetentionRule create(RetentionRule draft, String who) {
        checkDecisionDate(draft);
        String ruleId = draft.ruleId().isBlank() ? "rule-" + UUID.randomUUID() : draft.ruleId();
        RetentionRule rule = new RetentionRule(
                ruleId,
                1,
                draft.eServiceId(),
                draft.committee(),
                draft.planRowReference(),
                draft.decisionReference(),
                draft.decisionDate(),
                draft.retentionPeriod(),
                draft.clockStart(),
                draft.caseType(),
                draft.active(),
                who,
                clock.instant());
        if (!rules.create(rule)) {
            throw new ConflictException("ruleId", "is taken", FieldErrorCodes.TAKEN);
        }
        log.info("Retention rule {} v1 for {} created by {}", ruleId, rule.eServiceId(), who);
        return rule;
    }

    /**
     * @param expectedVersion the version the caller changed; another change since then answers 409
     */
    public RetentionRule change(String ruleId, int expectedVersion, RetentionRule changed, String who) {
        checkDecisionDate(changed);
        RetentionRule current = rules.current(ruleId).orElseThrow(() -> new NotFoundException("no rule " + ruleId));
        if (current.version() != expectedVersion) {
            throw new ConflictException(
                    "version",
                    "is " + current.version() + " now, not " + expectedVersion,
                    FieldErrorCodes.CHANGED_MEANWHILE);
        }
        RetentionRule next = current.nextVersion(changed, who, clock.instant());
        if (!rules.update(next)) {
            throw new ConflictException(
                    "version", "was changed by someone else meanwhile", FieldErrorCodes.CHANGED_MEANWHILE);
        }
        log.info("Retention rule {} changed to v{} by {}", ruleId, next.version(), who);
        return next;
    }

    /** A decision dated after today in {@code eops.purge.time-zone} is refused: 400 naming {@code decisionDate}. */
    private void checkDecisionDate(RetentionRule draft) {
        try {
            RetentionRule.checkDecisionDate(draft.decisionDate(), LocalDate.ofInstant(clock.instant(), timeZone));
        } catch (DecisionDateInFuture inFuture) {
            throw new InvalidInputException(inFuture);
        }
    }

    public RetentionRule current(String ruleId) {
        return rules.current(ruleId).orElseThrow(() -> new NotFoundException("no rule " + ruleId));
    }

    public List<RetentionRule> history(String ruleId) {
        List<RetentionRule> history = rules.history(ruleId);
        if (history.isEmpty()) {
            throw new NotFoundException("no rule " + ruleId);
        }
        return history;
    }

    public List<RetentionRule> ofEService(String eServiceId) {
        return rules.ofEService(eServiceId);
    }
}
