package se.municipality.eops.portal.services;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/**
 * publication-service's API as the portal uses it: the reference group's reviews and delegations, the checklist
 * (README, "Publishing an e-service"). Add a method per call a page makes, with a record for what it reads.
 */
@Component
public class PublicationServiceClient {

    /** One item of the checklist: its id, its text and whether it must be done. */
    public record ChecklistItem(String id, String text, boolean mandatory) {}

    /** A version of the checklist for brand-new e-services. */
    public record Checklist(int version, List<ChecklistItem> items) {}

    /** A version of the checklist with when it came in force and who published it (the central team's editor). */
    public record ChecklistVersion(int version, Instant effectiveFrom, String publishedBy, List<ChecklistItem> items) {}

    /** A requester's answer to one checklist item. */
    public record ChecklistAnswer(String itemId, String text, boolean done) {}

    /** One reviewer's decision; {@code onBehalfOf} the reviewer they decided for, when delegated. */
    public record ReviewVote(
            String reviewerId, String onBehalfOf, boolean approved, String comment, Instant decidedAt) {}

    /** A review: the request behind it, the requester's checklist answers and the decisions so far. */
    public record Review(
            String reviewId,
            String eServiceId,
            String eServiceName,
            String committee,
            String orderer,
            String versionLabel,
            String requestId,
            String requesterId,
            Instant filedAt,
            Integer checklistVersion,
            List<ChecklistAnswer> checklistAnswers,
            String status,
            int quorum,
            Instant requestedAt,
            List<ReviewVote> decisions,
            String rejectionReason) {

        public long answersDone() {
            return checklistAnswers == null
                    ? 0
                    : checklistAnswers.stream().filter(ChecklistAnswer::done).count();
        }

        public int answerCount() {
            return checklistAnswers == null ? 0 : checklistAnswers.size();
        }

        public int decisionCount() {
            return decisions == null ? 0 : decisions.size();
        }

        /** Whether {@code userId} decided already, for themselves or for someone who delegated to them. */
        public boolean decidedBy(String userId) {
            return decisions != null
                    && decisions.stream()
                            .anyMatch(vote -> userId.equalsIgnoreCase(vote.reviewerId())
                                    || userId.equalsIgnoreCase(vote.onBehalfOf()));
        }

        public boolean open() {
            return "IN_REVIEW".equals(status);
        }
    }

    /** A delegation: {@code delegateId} decides for {@code delegatorId} from {@code from} until {@code until}. */
    public record Delegation(
            String id, String delegatorId, String delegateId, Instant from, Instant until, Instant createdAt) {}

    private final RestClient publication;

    PublicationServiceClient(ServiceClients.ServiceRestClients clients) {
        this.publication = clients.forService("publication");
    }

    /** {@code GET /api/checklist}: the checklist in force (the form's checklist step shows it). */
    public Checklist checklist() {
        return publication.get().uri("/api/checklist").retrieve().body(Checklist.class);
    }

    /** {@code GET /api/checklist}: the version in force, with its date and publisher (the team's editor). */
    public ChecklistVersion checklistInForce() {
        return publication.get().uri("/api/checklist").retrieve().body(ChecklistVersion.class);
    }

    /**
     * {@code POST /api/checklist}: a new version, in force from now; 400 naming {@code items[i].id} and the like.
     * {@code basedOnVersion}: the version the editor started from (null: not said); when another version is in force
     * now, nothing is published: 409 on {@code basedOnVersion}, code {@code changed-meanwhile}.
     */
    public ChecklistVersion publishChecklist(List<ChecklistItem> items, Integer basedOnVersion) {
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("items", items);
        if (basedOnVersion != null) {
            body.put("basedOnVersion", basedOnVersion);
        }
        return publication.post().uri("/api/checklist").body(body).retrieve().body(ChecklistVersion.class);
    }

    /** {@code GET /api/reviews?mine=true}: open reviews I have not decided, oldest first. */
    public List<Review> reviewsWaitingForMe() {
        return List.of(publication
                .get()
                .uri(uri -> uri.path("/api/reviews").queryParam("mine", true).build())
                .retrieve()
                .body(Review[].class));
    }

    /** {@code GET /api/reviews/{id}}. */
    public Review review(String reviewId) {
        return publication.get().uri("/api/reviews/{id}", reviewId).retrieve().body(Review.class);
    }

    /**
     * {@code POST /api/reviews/{id}/decisions}: APPROVE or REJECT (a rejection needs a {@code comment}: 400); a second
     * decision is 409; deciding for someone without their delegation covering now is 403.
     */
    public Review decide(String reviewId, String decision, String comment, String onBehalfOf) {
        Map<String, String> body = new HashMap<>();
        body.put("decision", decision);
        body.put("comment", comment);
        body.put("onBehalfOf", onBehalfOf);
        return publication
                .post()
                .uri("/api/reviews/{id}/decisions", reviewId)
                .body(body)
                .retrieve()
                .body(Review.class);
    }

    /** {@code GET /api/reviews/delegations}: the delegations I gave or got. */
    public List<Delegation> delegations() {
        return List.of(
                publication.get().uri("/api/reviews/delegations").retrieve().body(Delegation[].class));
    }

    /** {@code POST /api/reviews/delegations}: {@code from} inclusive, {@code until} exclusive. */
    public Delegation delegate(String delegateId, Instant from, Instant until) {
        Map<String, Object> body = new HashMap<>();
        body.put("delegateId", delegateId);
        body.put("from", from);
        body.put("until", until);
        return publication
                .post()
                .uri("/api/reviews/delegations")
                .body(body)
                .retrieve()
                .body(Delegation.class);
    }
}
