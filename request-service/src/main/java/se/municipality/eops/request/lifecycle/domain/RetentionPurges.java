package se.municipality.eops.request.lifecycle.domain;

import java.time.Instant;
import java.util.Locale;
import se.municipality.eops.request.filing.domain.Milestone;
import se.municipality.eops.request.filing.domain.PurgePlans;
import se.municipality.eops.request.filing.domain.PurgePlans.Plan;
import se.municipality.eops.request.filing.domain.PurgePlans.Report;
import se.municipality.eops.request.filing.domain.ServiceRequest;
import se.municipality.eops.request.filing.domain.ServiceRequest.Moved;
import se.municipality.eops.request.filing.domain.Transition;

/**
 * How the events of a RETENTION request's purges move it when the request has several: purge-service makes one per
 * rule of the request's decision (a plan per rule with due cases, or a purge of nothing per rule when none has any)
 * and each event lists them all, so whichever arrives first tells every purge the request waits for.
 *
 * <ul>
 *   <li>The request is COMPLETED when every listed purge has completed, with their counts summed ("1,234 cases
 *       purged under 2 rules"), whatever order their events come in.
 *   <li>Until then each purge that is made, approved or done while others are not is a timeline entry
 *       ({@code PURGE_PROGRESS}) and the status stays: WAITING_FOR_PURGE_APPROVAL while any plan still waits for an
 *       archivist (what the requester waits for, and what the SLA for that status watches), IN_PROGRESS once all are
 *       approved. Half done is no status of its own: the request is still being carried out, and the entry says
 *       which rule's purge is done and how many remain.
 *   <li>An expired plan fails the request at once, as a single one does; the reason names the plan and its rule and
 *       what the other purges had done by then.
 *   <li>An event that moves its purge no further (it came after a later one) only leaves a late event's entry; on an
 *       ended request every event does, keeping what it told (cases a purge still purged).
 * </ul>
 */
public final class RetentionPurges {

    private RetentionPurges() {}

    /** Applies {@code move}, an event of one of the request's purges that lists them all, to {@code request}. */
    public static Moved follow(ServiceRequest request, DownstreamMove move, Instant now) {
        Report report = move.purgeReport();
        Transition alone = move.transition();
        PurgePlans before = request.purgePlans();
        if (!before.advancedBy(report)) {
            return request.noteLate(alone.actor(), alone.causeEventType(), alone.causeEventId(), told(alone), now);
        }
        PurgePlans plans = before.with(report);
        request.recordPurgePlans(plans);
        Plan plan = plans.plan(report.planId()).orElseThrow();
        String text = switch (report.stage()) {
            case WAITING_FOR_APPROVAL ->
                "The purge plan " + name(plan) + " waits for an archivist's approval; " + waiting(plans);
            case APPROVED ->
                "The purge plan " + name(plan) + " was approved by " + alone.actor() + "; " + waiting(plans);
            case COMPLETED ->
                "The purge " + name(plan) + " is done: "
                        + purged(false, plan.purgedCaseCount(), plan.heldBackCaseCount(), 1) + "; " + done(plans);
            case EXPIRED -> alone.reason() + soFar(plans);
            case LISTED -> throw new IllegalArgumentException("an event tells more than that its purge is listed");
        };
        if (request.status().terminal()) {
            // What came after the end still goes on the timeline: a purge may have purged cases.
            return request.noteLate(alone.actor(), alone.causeEventType(), alone.causeEventId(), text, now);
        }
        return switch (report.stage()) {
            case WAITING_FOR_APPROVAL ->
                request.hasReached(Milestone.WAITING_FOR_PURGE_APPROVAL)
                        ? progress(request, alone, text, now)
                        : request.move(alone, now);
            case APPROVED -> approved(request, plans, alone, text, now);
            case COMPLETED ->
                plans.allCompleted()
                        ? request.move(
                                Transition.completed(
                                        purged(
                                                false,
                                                plans.purgedCaseCount(),
                                                plans.heldBackCaseCount(),
                                                plans.count()),
                                        alone.actor(),
                                        alone.causeEventType(),
                                        alone.causeEventId()),
                                now)
                        : progress(request, alone, text, now);
            case EXPIRED ->
                request.move(Transition.failed(text, alone.actor(), alone.causeEventType(), alone.causeEventId()), now);
            case LISTED -> throw new IllegalArgumentException("an event tells more than that its purge is listed");
        };
    }

    /**
     * A plan approved: the request goes on (IN_PROGRESS) once no plan of it waits for an archivist any more; until then
     * it waits for purge approval (taken there if no plan's creation was processed yet).
     */
    private static Moved approved(
            ServiceRequest request, PurgePlans plans, Transition alone, String text, Instant now) {
        if (plans.awaitingApprovalCount() == 0) {
            return request.move(alone, now);
        }
        if (!request.hasReached(Milestone.WAITING_FOR_PURGE_APPROVAL)) {
            return request.move(
                    new Transition(
                            Milestone.WAITING_FOR_PURGE_APPROVAL,
                            alone.actor(),
                            alone.causeEventType(),
                            alone.causeEventId(),
                            text,
                            null,
                            null),
                    now);
        }
        return progress(request, alone, text, now);
    }

    private static Moved progress(ServiceRequest request, Transition alone, String text, Instant now) {
        return request.noteProgress(alone.actor(), alone.causeEventType(), alone.causeEventId(), text, now);
    }

    /** How many purges of a request are done, purged and held back, in words: "1,234 cases purged under 2 rules". */
    static String purged(boolean testCases, long purged, long heldBack, int rules) {
        String what = testCases ? " test case" : " case";
        String text = count(purged) + what + (purged == 1 ? "" : "s") + " purged";
        if (rules > 1) {
            text += " under " + rules + " rules";
        }
        return heldBack > 0 ? text + ", " + count(heldBack) + " held back" : text;
    }

    /** Why a request failed when its plan expired, naming the plan and its rule when known. */
    static String expired(String planId, String ruleId, Instant expiresAt) {
        return "The purge plan " + planId + (ruleId == null ? "" : " under rule " + ruleId) + " expired"
                + (expiresAt == null ? "" : " at " + expiresAt) + " before an archivist approved it";
    }

    private static String soFar(PurgePlans plans) {
        if (plans.count() == 1) {
            return "";
        }
        long done = plans.completedCount();
        return done == 0
                ? "; none of the request's " + plans.count() + " purges was done"
                : "; " + done + " of the request's " + plans.count() + " purges " + (done == 1 ? "was" : "were")
                        + " done by then: " + purged(false, plans.purgedCaseCount(), plans.heldBackCaseCount(), 1);
    }

    private static String done(PurgePlans plans) {
        long done = plans.completedCount();
        return done + " of the request's " + plans.count() + " purges " + (done == 1 ? "is" : "are")
                + " done, and the request is completed when all are";
    }

    private static String waiting(PurgePlans plans) {
        long waiting = plans.awaitingApprovalCount();
        return waiting + " of the request's " + plans.count() + " purge plans " + (waiting == 1 ? "waits" : "wait")
                + " for approval";
    }

    private static String name(Plan plan) {
        return plan.planId() + (plan.ruleId() == null ? "" : " under rule " + plan.ruleId());
    }

    /** What a late event told: its reason, else its outcome. */
    private static String told(Transition transition) {
        return transition.reason() != null ? transition.reason() : transition.outcome();
    }

    private static String count(long number) {
        return String.format(Locale.ENGLISH, "%,d", number);
    }
}
