package se.municipality.eops.request.filing.domain;

import java.util.Objects;

/**
 * A move a request is asked to make: to a milestone, by an actor, caused by an event (or a person's action),
 * with what goes with the milestone (the rejection, the outcome, a reason).
 *
 * @param actor a user id, or the name of the service whose event asks for the move
 * @param causeEventType the type of the causing event, null for a person's action
 * @param causeEventId its id
 * @param reason why, for people (a failure's or withdrawal's reason; a rejection's is in {@code rejection})
 * @param rejection for {@link Milestone#REJECTED}
 * @param outcome for {@link Milestone#COMPLETED}: what came of it, for people
 */
public record Transition(
        Milestone milestone,
        String actor,
        String causeEventType,
        String causeEventId,
        String reason,
        Rejection rejection,
        String outcome) {

    public Transition {
        Objects.requireNonNull(milestone, "milestone");
        Objects.requireNonNull(actor, "actor");
        if ((milestone == Milestone.REJECTED) != (rejection != null)) {
            throw new IllegalArgumentException("a rejection, and only a rejection, has a Rejection");
        }
        if (milestone == Milestone.COMPLETED && outcome == null) {
            throw new IllegalArgumentException("a completion says what came of it");
        }
    }

    public static Transition to(Milestone milestone, String actor, String causeEventType, String causeEventId) {
        return new Transition(milestone, actor, causeEventType, causeEventId, null, null, null);
    }

    public static Transition rejected(Rejection rejection, String causeEventType, String causeEventId) {
        return new Transition(
                Milestone.REJECTED,
                rejection.rejectedBy(),
                causeEventType,
                causeEventId,
                rejection.reason(),
                rejection,
                null);
    }

    public static Transition completed(String outcome, String actor, String causeEventType, String causeEventId) {
        return new Transition(Milestone.COMPLETED, actor, causeEventType, causeEventId, null, null, outcome);
    }

    public static Transition failed(String reason, String actor, String causeEventType, String causeEventId) {
        return new Transition(Milestone.FAILED, actor, causeEventType, causeEventId, reason, null, null);
    }
}
