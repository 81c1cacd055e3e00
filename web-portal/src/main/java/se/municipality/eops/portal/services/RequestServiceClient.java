package se.municipality.eops.portal.services;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;

/**
 * request-service's API as the portal uses it: the form's published steps, drafts, filing, my requests, one request,
 * withdraw and comment (README, "A request step by step" and "Following a request"), and the central team's queue.
 */
@Component
public class RequestServiceClient {

    /** A text in Swedish and English, as the service publishes its labels. */
    public record Label(String sv, String en) {

        public String in(java.util.Locale locale) {
            return "en".equals(locale.getLanguage()) && en != null ? en : sv;
        }
    }

    /** One field of a step: its JSON path in the request body ({@code publication.committee}) and its rules. */
    public record StepField(
            String name,
            Label label,
            String type,
            boolean required,
            Condition requiredWhen,
            Integer maxLength,
            Integer maxItems,
            List<String> allowedValues,
            List<StepField> fields) {

        public record Condition(String field, List<String> values) {}
    }

    /** One step of the form. */
    public record Step(String id, Label label, List<StepField> fields, List<Label> rules) {}

    /** A request type as the form offers it. */
    public record RequestType(String type, Label label, List<Step> steps) {}

    /** A broken rule the service named. */
    public record FieldViolation(String field, String message) {}

    /** Whether one step of a draft is complete, and its errors when not. */
    public record StepState(String id, boolean complete, List<FieldViolation> errors) {}

    /** A draft as its owner sees it; the details are in the shape of the filing body. */
    public record Draft(
            String id,
            String type,
            JsonNode publication,
            JsonNode purge,
            JsonNode permission,
            List<StepState> steps,
            List<String> checksPending,
            Instant updatedAt,
            Instant expiresAt,
            String submittedRequestId) {

        /** The details object of the draft's type ({@code publication}, {@code purge} or {@code permission}). */
        public JsonNode details() {
            return switch (type) {
                case "PUBLICATION" -> publication;
                case "PURGE" -> purge;
                default -> permission;
            };
        }
    }

    /** The request a draft was filed as. */
    public record Submitted(String draftId, String requestId, String status) {}

    /** One entry of a request's timeline. */
    public record TimelineEntry(
            int sequence, Instant at, String kind, String status, String actor, String reason, String note) {}

    /** Why a request was rejected. */
    public record Rejection(String reasonCode, String reason, String rejectedBy, boolean blockedByChecklist) {}

    /** Why a request failed (nobody refused it: a purge failed or expired, an awaited grant ended). */
    public record Failure(String reasonCode, String reason, String failedBy) {}

    /** Who filed a request. */
    public record Requester(String userId, String name, String email, String role) {}

    /** A request with its status and timeline, and who filed it (the central team's desk shows them). */
    public record Request(
            String id,
            String type,
            String status,
            Requester requester,
            JsonNode publication,
            JsonNode purge,
            JsonNode permission,
            Instant submittedAt,
            List<TimelineEntry> timeline,
            Instant statusSince,
            String assignee,
            boolean overdue,
            String outcome,
            Rejection rejection,
            Failure failure) {

        /** The e-service the request is about, whichever its type. */
        public Optional<String> eServiceName() {
            return detailOf("eServiceName", publication, purge, permission);
        }

        public Optional<String> eServiceId() {
            return detailOf("eServiceId", publication, purge, permission);
        }
    }

    /** A field of a request's details object, whichever of them is set. */
    private static Optional<String> detailOf(String name, JsonNode... details) {
        for (JsonNode detail : details) {
            if (detail != null && detail.hasNonNull(name)) {
                return Optional.of(detail.get(name).asString());
            }
        }
        return Optional.empty();
    }

    private final RestClient request;

    RequestServiceClient(ServiceClients.ServiceRestClients clients) {
        this.request = clients.forService("request");
    }

    /** {@code GET /api/request-types}: the types and their steps. */
    public List<RequestType> types() {
        return List.of(request.get().uri("/api/request-types").retrieve().body(RequestType[].class));
    }

    /** {@code POST /api/drafts}: an empty draft of a type. */
    public Draft startDraft(String type) {
        return request.post()
                .uri("/api/drafts")
                .body(Map.of("type", type))
                .retrieve()
                .body(Draft.class);
    }

    /** {@code GET /api/drafts/{id}}: 404 for another person's draft, 410 for an expired one. */
    public Draft draft(String id) {
        return request.get().uri("/api/drafts/{id}", id).retrieve().body(Draft.class);
    }

    /** {@code PUT /api/drafts/{id}/steps/{step}}: a step's fields as {@code {"publication":{...}}}; 400 naming them. */
    public Draft saveStep(String id, String step, Map<String, Object> body) {
        return request.put()
                .uri("/api/drafts/{id}/steps/{step}", id, step)
                .body(body)
                .retrieve()
                .body(Draft.class);
    }

    /** {@code POST /api/drafts/{id}/submit}: files the request once (a second submit of the draft: 409). */
    public Submitted submit(String id, String idempotencyKey) {
        return request.post()
                .uri("/api/drafts/{id}/submit", id)
                .header("Idempotency-Key", idempotencyKey)
                .retrieve()
                .body(Submitted.class);
    }

    /** {@code GET /api/requests?limit=}: mine, newest first. */
    public List<Request> mine(int limit) {
        return List.of(request.get()
                .uri(uri -> uri.path("/api/requests").queryParam("limit", limit).build())
                .retrieve()
                .body(Request[].class));
    }

    /** {@code GET /api/requests/{id}}: its requester and the central team may read it; anyone else 404. */
    public Request request(String id) {
        return request.get().uri("/api/requests/{id}", id).retrieve().body(Request.class);
    }

    /** {@code POST /api/requests/{id}/withdrawal}. */
    public void withdraw(String id, String reason) {
        request.post()
                .uri("/api/requests/{id}/withdrawal", id)
                .body(reason == null || reason.isBlank() ? Map.of() : Map.of("reason", reason))
                .retrieve()
                .toBodilessEntity();
    }

    /** {@code POST /api/requests/{id}/comments}. */
    public void comment(String id, String text) {
        request.post()
                .uri("/api/requests/{id}/comments", id)
                .body(Map.of("text", text == null ? "" : text))
                .retrieve()
                .toBodilessEntity();
    }

    /** The URI of a request's live stream ({@code text/event-stream}), relayed by the portal. */
    public URI eventsOf(String id) {
        return URI.create("/api/requests/" + id + "/events");
    }

    /** One page of the central team's queue. */
    public record TeamPage(List<Request> items, int page, int size, long totalItems, long totalPages) {}

    /** The queue's filters; each one left out (null) does not filter. */
    public record TeamFilter(String status, String type, String eServiceId, Boolean overdue, int page, int size) {}

    /** {@code GET /api/team/requests}: every request, filtered, newest first; 400 naming a filter it refuses. */
    public TeamPage teamQueue(TeamFilter filter) {
        return request.get()
                .uri(uri -> uri.path("/api/team/requests")
                        .queryParamIfPresent("status", Optional.ofNullable(filter.status()))
                        .queryParamIfPresent("type", Optional.ofNullable(filter.type()))
                        .queryParamIfPresent("eServiceId", Optional.ofNullable(filter.eServiceId()))
                        .queryParamIfPresent("overdue", Optional.ofNullable(filter.overdue()))
                        .queryParam("page", filter.page())
                        .queryParam("size", filter.size())
                        .build())
                .retrieve()
                .body(TeamPage.class);
    }

    /** {@code POST /api/team/requests/{id}/rejection}: 400 without a reason, 409 once the request ended. */
    public void reject(String id, String reason) {
        request.post()
                .uri("/api/team/requests/{id}/rejection", id)
                .body(Map.of("reason", reason == null ? "" : reason))
                .retrieve()
                .toBodilessEntity();
    }

    /** {@code POST /api/team/requests/{id}/assignment}: to a team member's user id; 409 once the request ended. */
    public void assign(String id, String assignee) {
        request.post()
                .uri("/api/team/requests/{id}/assignment", id)
                .body(Map.of("assignee", assignee == null ? "" : assignee))
                .retrieve()
                .toBodilessEntity();
    }
}
