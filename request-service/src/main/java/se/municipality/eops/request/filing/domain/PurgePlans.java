package se.municipality.eops.request.filing.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The purges a RETENTION request is answered by, as far as their events have told: purge-service makes one per rule
 * of the request's decision and lists them all in each of their events ({@code requestPlanIds}). Each purge has its
 * own key, so their events arrive in any order; what one of them tells only ever moves its purge forward. A request
 * whose purges' events list none (an earlier purge-service) has none here.
 *
 * @param plans every purge heard of, in the order first heard of
 */
public record PurgePlans(List<Plan> plans) {

    /** No purge listed (every request but a RETENTION one, and those answered by events without the list). */
    public static final PurgePlans NONE = new PurgePlans(List.of());

    /** How far one purge came, in the order a purge passes these points; an expired plan ends there. */
    public enum Stage {
        /** Named in another purge's event; none of its own has come yet. */
        LISTED,
        /** Made, waiting for an archivist's approval. */
        WAITING_FOR_APPROVAL,
        /** Approved: it runs. */
        APPROVED,
        /** Not approved in time: it purged nothing. */
        EXPIRED,
        /** Done: its cases are purged. */
        COMPLETED
    }

    /**
     * One purge of the request.
     *
     * @param ruleId the retention rule it applies, once an event of its own said so
     * @param purgedCaseCount once completed: the cases it purged
     * @param heldBackCaseCount once completed: its cases legal holds kept
     */
    public record Plan(String planId, Stage stage, String ruleId, long purgedCaseCount, long heldBackCaseCount) {

        public Plan {
            Objects.requireNonNull(planId, "planId");
            Objects.requireNonNull(stage, "stage");
        }
    }

    /**
     * What one purge's event tells.
     *
     * @param requestPlanIds every purge of the request, this one included
     * @param ruleId the rule the purge applies, if the event says
     * @param purgedCaseCount for {@link Stage#COMPLETED}
     * @param heldBackCaseCount for {@link Stage#COMPLETED}
     */
    public record Report(
            String planId,
            List<String> requestPlanIds,
            Stage stage,
            String ruleId,
            long purgedCaseCount,
            long heldBackCaseCount) {

        public Report {
            Objects.requireNonNull(planId, "planId");
            Objects.requireNonNull(stage, "stage");
            requestPlanIds = List.copyOf(requestPlanIds);
        }
    }

    public PurgePlans {
        plans = plans == null ? List.of() : List.copyOf(plans);
    }

    /** Whether {@code report} moves its purge further than known (false: it came late, or again). */
    public boolean advancedBy(Report report) {
        return plan(report.planId())
                .map(plan -> report.stage().compareTo(plan.stage()) > 0)
                .orElse(true);
    }

    /**
     * The purges after {@code report}: those it lists are known from now on, and its own purge is at its stage,
     * unless it had come further already.
     */
    public PurgePlans with(Report report) {
        List<Plan> after = new ArrayList<>(plans);
        for (String listed : report.requestPlanIds()) {
            if (indexOf(after, listed) < 0) {
                after.add(new Plan(listed, Stage.LISTED, null, 0, 0));
            }
        }
        int index = indexOf(after, report.planId());
        Plan known = index < 0 ? new Plan(report.planId(), Stage.LISTED, null, 0, 0) : after.get(index);
        Plan reported = report.stage().compareTo(known.stage()) > 0
                ? new Plan(
                        known.planId(),
                        report.stage(),
                        report.ruleId() == null ? known.ruleId() : report.ruleId(),
                        report.stage() == Stage.COMPLETED ? report.purgedCaseCount() : 0,
                        report.stage() == Stage.COMPLETED ? report.heldBackCaseCount() : 0)
                : known;
        if (reported.ruleId() == null && report.ruleId() != null) {
            reported = new Plan(
                    reported.planId(),
                    reported.stage(),
                    report.ruleId(),
                    reported.purgedCaseCount(),
                    reported.heldBackCaseCount());
        }
        if (index < 0) {
            after.add(reported);
        } else {
            after.set(index, reported);
        }
        return new PurgePlans(after);
    }

    public Optional<Plan> plan(String planId) {
        int index = indexOf(plans, planId);
        return index < 0 ? Optional.empty() : Optional.of(plans.get(index));
    }

    public boolean isEmpty() {
        return plans.isEmpty();
    }

    public int count() {
        return plans.size();
    }

    /** Every purge of the request has completed. */
    public boolean allCompleted() {
        return !plans.isEmpty() && plans.stream().allMatch(plan -> plan.stage() == Stage.COMPLETED);
    }

    public long completedCount() {
        return plans.stream().filter(plan -> plan.stage() == Stage.COMPLETED).count();
    }

    /**
     * The purges still waiting for an archivist, as far as is known: made and not approved, or listed by another
     * with no event of their own yet (purges are listed together, so a listed one is made).
     */
    public long awaitingApprovalCount() {
        return plans.stream()
                .filter(plan -> plan.stage() == Stage.LISTED || plan.stage() == Stage.WAITING_FOR_APPROVAL)
                .count();
    }

    public long purgedCaseCount() {
        return plans.stream().mapToLong(Plan::purgedCaseCount).sum();
    }

    public long heldBackCaseCount() {
        return plans.stream().mapToLong(Plan::heldBackCaseCount).sum();
    }

    private static int indexOf(List<Plan> plans, String planId) {
        for (int i = 0; i < plans.size(); i++) {
            if (plans.get(i).planId().equals(planId)) {
                return i;
            }
        }
        return -1;
    }
}
