package se.municipality.eops.notification.rules.persistence;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import se.municipality.eops.notification.rules.domain.Person;
import se.municipality.eops.notification.rules.domain.RecipientDirectory;
import se.municipality.eops.notification.rules.domain.RecipientSpec;

/**
 * What notification-service remembers of other services' events to find recipients and write the
 * digest: the requests (requester, the people of {@link RecipientSpec#REQUEST_FIELDS}, status, overdue) from the
 * request events, and the active
 * administrators of each e-service from the ADMINISTRATOR grants. Every update is idempotent by
 * construction (a {@code $set} of the event's values, a delete), so a redelivery changes nothing.
 */
public class ReadModels implements RecipientDirectory {

    static final String REQUESTS = "request_view";
    static final String ADMINISTRATORS = "eservice_administrators";
    /** The people of a request its rules may address ({@code request:<field>}), by field. */
    private static final String PEOPLE = "people";

    /** The request events that end a request; it leaves the digest. */
    private static final Set<String> TERMINAL = Set.of("COMPLETED", "REJECTED", "WITHDRAWN", "FAILED");

    private final MongoTemplate mongo;
    private final Map<String, String> mailboxes;
    private final Set<String> webhookGroups;

    public ReadModels(MongoTemplate mongo, Map<String, String> mailboxes, Set<String> webhookGroups) {
        this.mongo = mongo;
        this.mailboxes = Map.copyOf(mailboxes);
        this.webhookGroups = Set.copyOf(webhookGroups);
    }

    /** The event types that change a read model. */
    public static Set<String> eventTypes() {
        return Set.of(
                "RequestSubmitted",
                "RequestStatusChanged",
                "RequestOverdue",
                "RequestCompleted",
                "RequestRejected",
                "RequestWithdrawn",
                "PermissionGranted",
                "PermissionRevoked",
                "PermissionExpired");
    }

    public void apply(String type, Map<String, Object> event) {
        switch (type) {
            case "RequestSubmitted" -> {
                Map<?, ?> requester = (Map<?, ?>) event.get("requester");
                Update submitted = new Update()
                        .set("requesterId", requester.get("userId"))
                        .set("requesterEmail", requester.get("email"))
                        .set("requestType", event.get("requestType"))
                        .set(
                                "submittedAt",
                                Instant.parse(event.get("occurredAt").toString()))
                        .setOnInsert("status", "SUBMITTED");
                for (String field : RecipientSpec.REQUEST_FIELDS) {
                    if (valueAt(field, event) instanceof Map<?, ?> person && person.get("email") != null) {
                        submitted.set(
                                PEOPLE + "." + storedName(field),
                                new org.bson.Document("userId", person.get("userId"))
                                        .append("email", person.get("email")));
                    }
                }
                mongo.upsert(byId(event.get("requestId")), submitted, REQUESTS);
            }
            case "RequestStatusChanged" ->
                mongo.upsert(
                        // One request's events share a partition, so they arrive in their order. A new status is a new
                        // stay: not overdue (yet); request-service says so again if it becomes overdue in it.
                        byId(event.get("requestId")),
                        new Update().set("status", event.get("toStatus")).unset("overdueSince"),
                        REQUESTS);
            case "RequestOverdue" -> requestOverdue(event);
            case "RequestCompleted", "RequestRejected", "RequestWithdrawn" ->
                mongo.upsert(byId(event.get("requestId")), new Update().set("closed", true), REQUESTS);
            case "PermissionGranted" -> {
                if ("ADMINISTRATOR".equals(event.get("role")) && event.get("person") instanceof Map<?, ?> person) {
                    mongo.upsert(
                            byId(event.get("grantId")),
                            new Update()
                                    .set("eServiceId", event.get("eServiceId"))
                                    .set("userId", person.get("personId"))
                                    .set("email", person.get("email")),
                            ADMINISTRATORS);
                }
            }
            case "PermissionRevoked", "PermissionExpired" -> mongo.remove(byId(event.get("grantId")), ADMINISTRATORS);
            default -> {}
        }
    }

    /**
     * Marks the request overdue in the status the event names, and only in it: {@code RequestOverdue} is published
     * once per stay in a status, so one about a status the request has left since (read late: a redelivery, a
     * replay) must not mark the request overdue in its new one. A request not heard of yet is recorded in it.
     */
    private void requestOverdue(Map<String, Object> event) {
        Object requestId = event.get("requestId");
        Object status = event.get("status");
        Update overdue =
                new Update().set("overdueSince", event.get("occurredAt")).set("requestType", event.get("requestType"));
        boolean inThatStatus = mongo.updateFirst(
                                Query.query(Criteria.where("_id")
                                        .is(String.valueOf(requestId))
                                        .and("status")
                                        .is(status)),
                                overdue,
                                REQUESTS)
                        .getMatchedCount()
                > 0;
        if (!inThatStatus) {
            // Not in that status: unknown here so far (inserted as the event says), or moved on (left alone).
            mongo.upsert(
                    byId(requestId),
                    new Update()
                            .setOnInsert("status", status)
                            .setOnInsert("overdueSince", event.get("occurredAt"))
                            .setOnInsert("requestType", event.get("requestType")),
                    REQUESTS);
        }
    }

    @Override
    public Optional<Person> requesterOf(String requestId) {
        Map<?, ?> request = mongo.findById(requestId, Map.class, REQUESTS);
        if (request == null || request.get("requesterEmail") == null) {
            return Optional.empty();
        }
        return Optional.of(new Person((String) request.get("requesterId"), (String) request.get("requesterEmail")));
    }

    @Override
    public Optional<Person> personOfRequest(String requestId, String field) {
        Map<?, ?> request = mongo.findById(requestId, Map.class, REQUESTS);
        if (request == null
                || !(request.get(PEOPLE) instanceof Map<?, ?> people)
                || !(people.get(storedName(field)) instanceof Map<?, ?> person)
                || person.get("email") == null) {
            return Optional.empty();
        }
        return Optional.of(new Person((String) person.get("userId"), (String) person.get("email")));
    }

    /** A field path of the request ({@code permission.person}) as a key MongoDB takes (no dots). */
    private static String storedName(String field) {
        return field.replace('.', '_');
    }

    private static Object valueAt(String path, Object node) {
        for (String key : path.split("\\.")) {
            node = node instanceof Map<?, ?> map ? map.get(key) : null;
        }
        return node;
    }

    @Override
    public List<Person> administratorsOf(String eServiceId) {
        return mongo.find(Query.query(Criteria.where("eServiceId").is(eServiceId)), Map.class, ADMINISTRATORS).stream()
                .filter(admin -> admin.get("email") != null)
                .map(admin -> new Person((String) admin.get("userId"), (String) admin.get("email")))
                .distinct()
                .toList();
    }

    @Override
    public Optional<String> mailboxOf(String role) {
        return Optional.ofNullable(mailboxes.get(role)).filter(mailbox -> !mailbox.isBlank());
    }

    @Override
    public boolean hasWebhook(String role) {
        return webhookGroups.contains(role);
    }

    /** The open requests (not ended), for the digest. */
    public List<OpenRequest> openRequests() {
        return mongo.find(Query.query(Criteria.where("closed").ne(true)), Map.class, REQUESTS).stream()
                .filter(request -> !TERMINAL.contains(String.valueOf(request.get("status"))))
                .map(request -> new OpenRequest(
                        (String) request.get("_id"),
                        String.valueOf(request.get("requestType")),
                        String.valueOf(request.get("status")),
                        request.get("overdueSince") != null))
                .sorted(java.util.Comparator.comparing(OpenRequest::requestId))
                .toList();
    }

    public record OpenRequest(String requestId, String requestType, String status, boolean overdue) {}

    private static Query byId(Object id) {
        return Query.query(Criteria.where("_id").is(String.valueOf(id)));
    }
}
