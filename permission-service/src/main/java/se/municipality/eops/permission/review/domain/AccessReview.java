package se.municipality.eops.permission.review.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import se.municipality.eops.contract.DomainEvent;
import se.municipality.eops.contract.permission.AccessReviewDecided;
import se.municipality.eops.contract.permission.AccessReviewDecided.Decision;
import se.municipality.eops.contract.permission.AccessReviewOverdue;
import se.municipality.eops.contract.permission.AccessReviewStarted;
import se.municipality.eops.contract.permission.Person;
import se.municipality.eops.contract.permission.ReviewedGrant;

/**
 * One round of an e-service's access review: its administrators confirm or revoke each grant on
 * the list before the deadline; what is left undecided then is flagged to the central team (and, by
 * configuration, revoked). Each decision is recorded in the review and announced.
 *
 * @param version for optimistic locking: two decisions at once are written one after the other
 */
public record AccessReview(
        String id,
        String eServiceId,
        Instant startedAt,
        Instant dueAt,
        ReviewStatus status,
        List<Person> reviewers,
        List<Item> items,
        Long version) {

    public AccessReview {
        reviewers = List.copyOf(reviewers);
        items = List.copyOf(items);
    }

    public enum ReviewStatus {
        OPEN,
        /** Every grant was decided before the deadline. */
        COMPLETED,
        /** The deadline passed with grants undecided. */
        OVERDUE
    }

    /** A grant on the list and what became of it. */
    public record Item(ReviewedGrant grant, Decision decision, String decidedBy, Instant decidedAt, String comment) {
        boolean undecided() {
            return decision == null;
        }
    }

    /** The review after a change, and the event to publish. */
    public record Changed(AccessReview review, DomainEvent event) {}

    /**
     * The id of an e-service's review in the cycle that contains {@code now}: one review per cycle
     * and e-service however many replicas or runs try to start it.
     */
    public static String idFor(String eServiceId, Instant now, Duration cycle) {
        return "ar-" + eServiceId + "-" + Math.floorDiv(now.getEpochSecond(), cycle.toSeconds());
    }

    public static Optional<Changed> start(
            String eServiceId,
            List<Person> reviewers,
            List<ReviewedGrant> grants,
            Instant now,
            Duration cycle,
            Duration answerWithin) {
        if (grants.isEmpty()) {
            return Optional.empty();
        }
        AccessReview review = new AccessReview(
                idFor(eServiceId, now, cycle),
                eServiceId,
                now,
                now.plus(answerWithin),
                ReviewStatus.OPEN,
                reviewers,
                grants.stream()
                        .map(grant -> new Item(grant, null, null, null, null))
                        .toList(),
                null);
        return Optional.of(new Changed(
                review,
                new AccessReviewStarted(
                        UUID.randomUUID(), review.id, now, eServiceId, review.dueAt, reviewers, grants)));
    }

    public Optional<Item> item(String grantId) {
        return items.stream()
                .filter(item -> item.grant().grantId().equals(grantId))
                .findFirst();
    }

    /**
     * Records a decision on one grant.
     *
     * @throws AccessReviewRefused if the review is closed, the grant was decided already or is not on the list
     */
    public Changed decide(String grantId, Decision decision, String by, String comment, Instant now) {
        if (status != ReviewStatus.OPEN) {
            throw AccessReviewRefused.closed(id, status);
        }
        Item item = item(grantId).orElseThrow(() -> AccessReviewRefused.notInReview(grantId, id));
        if (!item.undecided()) {
            throw AccessReviewRefused.decidedAlready(grantId, item.decision());
        }
        List<Item> after = items.stream()
                .map(each -> each == item ? new Item(each.grant(), decision, by, now, comment) : each)
                .toList();
        boolean allDecided = after.stream().noneMatch(Item::undecided);
        AccessReview decided = new AccessReview(
                id,
                eServiceId,
                startedAt,
                dueAt,
                allDecided ? ReviewStatus.COMPLETED : status,
                reviewers,
                after,
                version);
        return new Changed(
                decided,
                new AccessReviewDecided(UUID.randomUUID(), id, now, eServiceId, grantId, decision, by, comment));
    }

    public List<ReviewedGrant> undecided() {
        return items.stream().filter(Item::undecided).map(Item::grant).toList();
    }

    /** Flags the review overdue once its deadline passed with grants undecided. */
    public Optional<Changed> overdue(Instant now, boolean autoRevoked) {
        if (status != ReviewStatus.OPEN || now.isBefore(dueAt) || undecided().isEmpty()) {
            return Optional.empty();
        }
        AccessReview flagged =
                new AccessReview(id, eServiceId, startedAt, dueAt, ReviewStatus.OVERDUE, reviewers, items, version);
        return Optional.of(new Changed(
                flagged,
                new AccessReviewOverdue(UUID.randomUUID(), id, now, eServiceId, dueAt, undecided(), autoRevoked)));
    }
}
