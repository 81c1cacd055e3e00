package se.municipality.eops.purge.purging.application;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import se.municipality.eops.contract.purge.PurgeReason;
import se.municipality.eops.purge.holds.application.HoldKeeping;
import se.municipality.eops.purge.purging.domain.HeldBack;
import se.municipality.eops.purge.purging.domain.Preview;
import se.municipality.eops.purge.purging.domain.Purge;
import se.municipality.eops.purge.purging.domain.PurgeCases;
import se.municipality.eops.purge.purging.domain.PurgeStatus;
import se.municipality.eops.purge.purging.domain.Purges;
import se.municipality.eops.purge.purging.domain.RuleApplied;
import se.municipality.eops.purge.purging.domain.RuleNotInForce;
import se.municipality.eops.purge.rules.domain.RetentionPeriodOutOfRange;
import se.municipality.eops.purge.rules.domain.RetentionRule;
import se.municipality.eops.purge.rules.domain.RetentionRules;
import se.municipality.eops.starter.web.ConflictException;
import se.municipality.eops.starter.web.NotFoundException;

/**
 * Makes retention purge plans: the due cases of one rule, assigned to the plan (so no other plan takes them) and
 * split into batches, with a preview of counts, dates and what legal holds keep back. Plans are made by an
 * archivist, on a RETENTION request, or on the schedule for every active rule with due cases.
 */
@Service
public class RetentionPlanning {

    /** Who makes scheduled plans; any archivist may approve them. */
    public static final String SCHEDULER = "scheduler";

    private static final Logger log = LoggerFactory.getLogger(RetentionPlanning.class);

    private final RetentionRules rules;
    private final Purges purges;
    private final PurgeCases cases;
    private final HoldKeeping holds;
    private final PurgeSettings settings;
    private final Clock clock;
    private final PlanningLock lock;
    private final PurgeRunner runner;
    private final Counter scheduledFailures;

    public RetentionPlanning(
            RetentionRules rules,
            Purges purges,
            PurgeCases cases,
            HoldKeeping holds,
            PurgeSettings settings,
            Clock clock,
            PlanningLock lock,
            PurgeRunner runner,
            MeterRegistry meters) {
        this.rules = rules;
        this.purges = purges;
        this.cases = cases;
        this.holds = holds;
        this.settings = settings;
        this.clock = clock;
        this.lock = lock;
        this.runner = runner;
        this.scheduledFailures = Counter.builder("eops.purge.planning.failures")
                .description("Rules the scheduled planning could not make a plan for (each logged with its rule id)")
                .register(meters);
    }

    /**
     * A plan for one rule, asked for by an archivist or the central team.
     *
     * @throws ConflictException if the rule's current version is inactive ({@link RuleNotInForce#RULE_INACTIVE}) or
     *     has a period beyond what rules may have (stored before rules were bounded)
     */
    public Purge planRule(String ruleId, String createdBy) {
        RetentionRule rule = rules.current(ruleId).orElseThrow(() -> new NotFoundException("no rule " + ruleId));
        if (!rule.active()) {
            throw new ConflictException(RuleNotInForce.inactive(ruleId, rule.version()));
        }
        if (!RetentionRule.withinBound(rule.retentionPeriod())) {
            throw new ConflictException(new RetentionPeriodOutOfRange(rule.retentionPeriod()));
        }
        return plan(rule, "plan-" + UUID.randomUUID(), null, createdBy, NothingDue.PLAN_ANYWAY)
                .orElseThrow();
    }

    /**
     * Plans for a RETENTION request: one per active rule of the e-service resting on the named decision (every
     * active rule when none is named), for each rule with due cases. The request is answered at once, without an
     * approval, when there is nothing to approve: no such rule, or one with a period beyond what rules may have
     * (stored before rules were bounded), answers it with PurgeFailed; nothing due under any of them with a purge of
     * nothing per rule that executes at once (PurgeCompleted naming the request, an entry in the purge log).
     *
     * <p>Every purge made for the request knows all of them ({@link Purge#requestPlanIds()}) and says so in each of its
     * events, so request-service completes the request only when each has completed. That list is fixed before the
     * first purge is stored: the due cases of every rule are claimed first, under one hold of the e-service's lock,
     * then the purges are stored.
     */
    public void planForRequest(String requestId, String eServiceId, String decisionReference, String requestedBy) {
        List<RetentionRule> matching = rules.ofEService(eServiceId).stream()
                .filter(RetentionRule::active)
                .filter(rule -> decisionReference == null
                        || normalized(rule.decisionReference()).equals(normalized(decisionReference)))
                .toList();
        Optional<String> unplannable = unplannable(eServiceId, decisionReference, matching);
        if (unplannable.isPresent()) {
            log.info("Retention request {} of {} cannot be planned: {}", requestId, eServiceId, unplannable.get());
            purges.insert(Purge.failed(
                    "purge-" + requestId,
                    PurgeReason.RETENTION,
                    eServiceId,
                    requestId,
                    null,
                    requestedBy,
                    unplannable.get(),
                    clock.instant()));
            return;
        }
        List<String> executing =
                lock.forEService(eServiceId, () -> makeRequestPlans(requestId, eServiceId, matching, requestedBy));
        executing.forEach(runner::submit);
    }

    /**
     * Under the e-service's lock: the request's purges, one per rule, each knowing the others. The first time, the due
     * cases of every rule are claimed (each claim leaving out what the ones before took), then the plans of the rules
     * with due cases are stored, listing each other; when no rule has any, a purge of nothing per rule, listing them
     * all. When the request came before (a redelivery), the purges it made stand; one its list names but a crash kept
     * from being stored is made now with the same list (a plan if its rule has due cases, else a purge of nothing).
     *
     * @return the request's purges that execute now (purges of nothing), to run once the lock is let go
     */
    private List<String> makeRequestPlans(
            String requestId, String eServiceId, List<RetentionRule> matching, String requestedBy) {
        Map<String, RetentionRule> ruleOfPlan = new LinkedHashMap<>();
        matching.forEach(rule -> ruleOfPlan.put(requestPlanId(requestId, rule), rule));
        List<Purge> made = ruleOfPlan.keySet().stream()
                .map(purges::find)
                .flatMap(Optional::stream)
                .toList();
        Instant now = clock.instant();
        List<String> open = new ArrayList<>(purges.openIds(eServiceId));
        if (!made.isEmpty()) {
            // Purges stored before they listed each other are the request's only ones.
            List<String> listed = made.get(0).requestPlanIds() == null
                    ? made.stream().map(Purge::id).toList()
                    : made.get(0).requestPlanIds();
            List<Purge> request = new ArrayList<>(made);
            for (String missing : listed) {
                RetentionRule rule = ruleOfPlan.get(missing);
                if (purges.find(missing).isPresent()) {
                    continue;
                }
                if (rule == null) {
                    // Its rule was deactivated since: the request cannot be carried out as asked.
                    purges.insert(Purge.failed(
                            missing,
                            PurgeReason.RETENTION,
                            eServiceId,
                            requestId,
                            null,
                            requestedBy,
                            "the retention rule of the request's purge " + missing + " is no longer active, so the"
                                    + " purge could not be made",
                            now));
                } else {
                    Claim claim = claim(rule, missing, open, now);
                    Purge purge = claim.selection().count() == 0
                            ? claim.nothingDue(requestId, listed, requestedBy)
                            : claim.plan(requestId, listed, requestedBy, settings.approvalWindow());
                    open.add(missing);
                    if (purges.insert(purge)) {
                        log.info("Purge {} of request {} made after an interruption", missing, requestId);
                        request.add(purge);
                    }
                }
            }
            return executing(request);
        }
        cases.dropBatchesOfClosedPurges(eServiceId, open);
        List<Claim> claims = new ArrayList<>();
        for (Map.Entry<String, RetentionRule> plan : ruleOfPlan.entrySet()) {
            // The batches claimed for the plans before this one count as open: no two plans take one case.
            claims.add(claim(plan.getValue(), plan.getKey(), open, now));
            open.add(plan.getKey());
        }
        List<Claim> due =
                claims.stream().filter(claim -> claim.selection().count() > 0).toList();
        List<Purge> toStore;
        if (due.isEmpty()) {
            // Nothing due under any rule, so nothing for an archivist to approve: answer the request now.
            List<String> all = claims.stream().map(Claim::planId).toList();
            toStore = claims.stream()
                    .map(claim -> claim.nothingDue(requestId, all, requestedBy))
                    .toList();
        } else {
            List<String> plans = due.stream().map(Claim::planId).toList();
            claims.stream()
                    .filter(claim -> claim.selection().count() == 0)
                    .forEach(claim -> cases.dropBatches(claim.planId()));
            toStore = due.stream()
                    .map(claim -> claim.plan(requestId, plans, requestedBy, settings.approvalWindow()))
                    .toList();
        }
        List<Purge> stored = toStore.stream().filter(purges::insert).toList();
        stored.forEach(purge -> log.info(
                "Purge {} of request {} made by {}: {}, {} due, {} held back",
                purge.id(),
                requestId,
                requestedBy,
                purge.status(),
                purge.preview().dueCount(),
                purge.preview().heldBackCount()));
        return executing(stored);
    }

    private static List<String> executing(List<Purge> made) {
        return made.stream()
                .filter(purge -> purge.status() == PurgeStatus.EXECUTING)
                .map(Purge::id)
                .toList();
    }

    /** Why a RETENTION request can get no plan at all, if it cannot. */
    private static Optional<String> unplannable(
            String eServiceId, String decisionReference, List<RetentionRule> matching) {
        if (matching.isEmpty()) {
            return Optional.of(eServiceId + " has no active retention rule"
                    + (decisionReference == null ? "" : " resting on decision " + decisionReference));
        }
        return matching.stream()
                .filter(rule -> !RetentionRule.withinBound(rule.retentionPeriod()))
                .findFirst()
                .map(rule -> "retention rule " + rule.ruleId() + " (version " + rule.version() + ") of " + eServiceId
                        + " has the period " + rule.retentionPeriod() + ", longer than "
                        + RetentionRule.MAX_RETENTION_YEARS
                        + " years (stored before periods were bounded); correct the rule and ask again");
    }

    private static String requestPlanId(String requestId, RetentionRule rule) {
        return "plan-" + requestId + "-" + rule.ruleId();
    }

    /**
     * The schedule: a plan for every active rule that has due cases in no other plan. Each rule on its own: one that
     * fails is logged with its id and counted ({@code eops.purge.planning.failures}), and the others are planned;
     * the next run tries it again.
     */
    public void planAllRules() {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        for (RetentionRule rule : rules.allActive()) {
            String planId = "plan-" + rule.ruleId() + "-v" + rule.version() + "-" + today;
            try {
                plan(rule, planId, null, SCHEDULER, NothingDue.NO_PLAN)
                        .ifPresent(plan -> log.info(
                                "Scheduled plan {} for rule {}: {} due cases",
                                plan.id(),
                                rule.ruleId(),
                                plan.preview().dueCount()));
            } catch (RuntimeException failed) {
                scheduledFailures.increment();
                log.error(
                        "Scheduled planning for rule {} v{} of {} failed; planning goes on with the other rules",
                        rule.ruleId(),
                        rule.version(),
                        rule.eServiceId(),
                        failed);
            }
        }
    }

    /** What a plan of no due cases becomes (a request's purges are made by {@link #makeRequestPlans}). */
    private enum NothingDue {
        /** A plan to approve all the same (one asked for by hand shows its preview). */
        PLAN_ANYWAY,
        /** No plan (the schedule). */
        NO_PLAN
    }

    private Optional<Purge> plan(
            RetentionRule rule, String planId, String requestId, String createdBy, NothingDue nothingDue) {
        Optional<Purge> existing = purges.find(planId);
        if (existing.isPresent()) {
            return existing;
        }
        return lock.forEService(rule.eServiceId(), () -> makePlan(rule, planId, requestId, createdBy, nothingDue));
    }

    /**
     * Under the e-service's lock: claims the due cases in stored batches, then stores the plan. A crash in between
     * leaves batches of a plan that does not exist; they claim nothing (only open purges' batches do) and the next
     * purge made for the e-service drops them.
     */
    private Optional<Purge> makePlan(
            RetentionRule rule, String planId, String requestId, String createdBy, NothingDue nothingDue) {
        Optional<Purge> existing = purges.find(planId);
        if (existing.isPresent()) {
            return existing;
        }
        Instant now = clock.instant();
        List<String> open = purges.openIds(rule.eServiceId());
        cases.dropBatchesOfClosedPurges(rule.eServiceId(), open);
        Claim claim = claim(rule, planId, open, now);
        if (claim.selection().count() == 0 && nothingDue == NothingDue.NO_PLAN) {
            cases.dropBatches(planId);
            return Optional.empty();
        }
        Purge plan = claim.plan(requestId, null, createdBy, settings.approvalWindow());
        if (!purges.insert(plan)) {
            return purges.find(planId);
        }
        log.info(
                "Purge plan {} made by {}: {} due, {} held back",
                planId,
                createdBy,
                claim.selection().count(),
                plan.preview().heldBackCount());
        return Optional.of(plan);
    }

    /**
     * Claims the cases due under {@code rule} for {@code planId} in stored batches, leaving out held cases and those
     * of the purges in {@code open}; a hold on the whole e-service claims nothing. Stores no purge.
     */
    private Claim claim(RetentionRule rule, String planId, Collection<String> open, Instant now) {
        Instant cutoff = rule.dueCutoff(now);
        String clockStart = rule.clockStart().name();
        Optional<String> eServiceHeld = holds.eServiceHeld(rule.eServiceId());
        PurgeCases.Selection selection;
        List<HeldBack> heldBack;
        if (eServiceHeld.isPresent()) {
            selection = PurgeCases.Selection.none();
            long due = cases.countDue(rule.eServiceId(), clockStart, cutoff, rule.caseType());
            heldBack = due == 0 ? List.of() : List.of(new HeldBack(eServiceHeld.get(), due));
        } else {
            selection = cases.claimDue(
                    planId,
                    rule.eServiceId(),
                    clockStart,
                    cutoff,
                    rule.caseType(),
                    new PurgeCases.Exclusions(holds.heldCases(), open),
                    settings.batchSize());
            heldBack = selection.heldBack();
        }
        Preview preview =
                new Preview(rule.ruleId(), selection.count(), selection.oldest(), selection.newest(), heldBack, cutoff);
        return new Claim(rule, planId, selection, preview, now);
    }

    /** The cases claimed for a purge not stored yet, and what it becomes. */
    private record Claim(
            RetentionRule rule, String planId, PurgeCases.Selection selection, Preview preview, Instant now) {

        Purge plan(String requestId, List<String> requestPlanIds, String createdBy, Duration approvalWindow) {
            return Purge.plan(
                    planId,
                    rule.eServiceId(),
                    requestId,
                    requestPlanIds,
                    applied(rule),
                    preview,
                    selection.batches(),
                    createdBy,
                    now,
                    approvalWindow);
        }

        Purge nothingDue(String requestId, List<String> requestPlanIds, String createdBy) {
            return Purge.nothingDue(
                    planId, rule.eServiceId(), requestId, requestPlanIds, applied(rule), preview, createdBy, now);
        }
    }

    private static RuleApplied applied(RetentionRule rule) {
        return new RuleApplied(
                rule.ruleId(),
                rule.version(),
                rule.committee(),
                rule.planRowReference(),
                rule.decisionReference(),
                rule.decisionDate() == null ? null : rule.decisionDate().toString(),
                rule.retentionPeriod().toString(),
                rule.clockStart().name(),
                rule.caseType());
    }

    private static String normalized(String reference) {
        return reference.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }
}
