package se.municipality.eops.request.filing;

import static se.municipality.eops.request.filing.domain.RequestRules.MAX_CHECKLIST_ITEM;
import static se.municipality.eops.request.filing.domain.RequestRules.MAX_CHECKLIST_ITEMS;
import static se.municipality.eops.request.filing.domain.RequestRules.MAX_EMAIL;
import static se.municipality.eops.request.filing.domain.RequestRules.MAX_E_SERVICE_ID;
import static se.municipality.eops.request.filing.domain.RequestRules.MAX_GROUP_MEMBERS;
import static se.municipality.eops.request.filing.domain.RequestRules.MAX_MESSAGE;
import static se.municipality.eops.request.filing.domain.RequestRules.MAX_NAME;
import static se.municipality.eops.request.filing.domain.RequestRules.MAX_USER_ID;
import static se.municipality.eops.request.filing.domain.RequestRules.MAX_VERSION_LABEL;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import se.municipality.eops.request.filing.domain.RequestDetails;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The largest requests the rules accept: every list at its maximum and every text at its maximum
 * length, written in a character that takes three bytes in UTF-8 (the most any character the rules
 * allow takes in the event's JSON), so the bodies and events are as large as valid ones get. And,
 * for every limit, the same request one over it.
 */
final class LargestRequests {

    /** Three bytes in UTF-8, written unescaped by Jackson: the worst case per character. */
    static final char WIDE = '€';

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private LargestRequests() {}

    static ObjectNode publication() {
        ObjectNode publication = JSON.createObjectNode()
                .put("kind", "NEW_ESERVICE")
                .put("eServiceId", eServiceId())
                .put("eServiceName", wide(MAX_NAME))
                .put("versionLabel", wide(MAX_VERSION_LABEL))
                .put("committee", wide(MAX_NAME))
                .put("orderer", wide(MAX_NAME))
                .put("message", wide(MAX_MESSAGE));
        ArrayNode checklist = publication.putArray("checklist");
        for (int i = 0; i < MAX_CHECKLIST_ITEMS; i++) {
            checklist.add(checklistItem());
        }
        return body("PUBLICATION", "publication", publication);
    }

    static ObjectNode retentionPurge() {
        ObjectNode purge = JSON.createObjectNode()
                .put("kind", "RETENTION")
                .put("eServiceId", eServiceId())
                .put("eServiceName", wide(MAX_NAME))
                .put("committee", wide(MAX_NAME))
                .put("purgeDecisionReference", wide(MAX_NAME))
                .put("message", wide(MAX_MESSAGE));
        return body("PURGE", "purge", purge);
    }

    /** The largest request of all: a group of case handlers at its maximum size. */
    static ObjectNode groupGrant() {
        ObjectNode permission = permission("CASE_HANDLER");
        ObjectNode group = permission.putObject("group").put("name", wide(MAX_NAME));
        ArrayNode members = group.putArray("members");
        for (int i = 0; i < MAX_GROUP_MEMBERS; i++) {
            members.add(person(i));
        }
        return body("PERMISSION", "permission", permission);
    }

    static ObjectNode personGrant() {
        ObjectNode permission = permission("EDITOR");
        permission.set("person", person(0));
        return body("PERMISSION", "permission", permission);
    }

    static Stream<ObjectNode> all() {
        return Stream.of(publication(), retentionPurge(), groupGrant(), personGrant());
    }

    /** {@link #all()} with names for test reports (the bodies themselves are up to half a megabyte). */
    static Stream<Named<ObjectNode>> named() {
        return Stream.of(
                Named.of("new e-service with " + MAX_CHECKLIST_ITEMS + " checklist items", publication()),
                Named.of("retention purge", retentionPurge()),
                Named.of("case-handler group of " + MAX_GROUP_MEMBERS, groupGrant()),
                Named.of("editor permission for a person", personGrant()));
    }

    /** A largest request with one field one over its limit, and the field the answer must name. */
    record OverLimit(String field, ObjectNode body) {

        @Override
        public String toString() {
            return field;
        }
    }

    static Stream<OverLimit> overLimits() {
        List<OverLimit> cases = new ArrayList<>();
        for (String details : List.of("publication", "purge", "permission")) {
            ObjectNode largest = switch (details) {
                case "publication" -> publication();
                case "purge" -> retentionPurge();
                default -> groupGrant();
            };
            cases.add(longer(largest, details + ".eServiceId", 'x'));
            cases.add(longer(largest, details + ".eServiceName", WIDE));
            cases.add(longer(largest, details + ".message", WIDE));
        }
        ObjectNode publication = publication();
        cases.add(longer(publication, "publication.versionLabel", WIDE));
        cases.add(longer(publication, "publication.committee", WIDE));
        cases.add(longer(publication, "publication.orderer", WIDE));
        cases.add(longer(publication, "publication.checklist[99].item", WIDE));
        cases.add(oneMore(publication, "publication.checklist", checklistItem()));
        ObjectNode purge = retentionPurge();
        cases.add(longer(purge, "purge.committee", WIDE));
        cases.add(longer(purge, "purge.purgeDecisionReference", WIDE));
        ObjectNode group = groupGrant();
        cases.add(longer(group, "permission.group.name", WIDE));
        cases.add(oneMore(group, "permission.group.members", person(MAX_GROUP_MEMBERS)));
        cases.add(longer(group, "permission.group.members[499].userId", WIDE));
        cases.add(longer(group, "permission.group.members[499].name", WIDE));
        cases.add(longer(group, "permission.group.members[499].email", 'a'));
        ObjectNode person = personGrant();
        cases.add(longer(person, "permission.person.userId", WIDE));
        cases.add(longer(person, "permission.person.name", WIDE));
        cases.add(longer(person, "permission.person.email", 'a'));
        return cases.stream();
    }

    static RequestDetails details(JsonNode body) {
        return JSON.treeToValue(body, RequestDetails.class);
    }

    static String json(JsonNode body) {
        return JSON.writeValueAsString(body);
    }

    private static ObjectNode body(String type, String detailsField, ObjectNode details) {
        ObjectNode body = JSON.createObjectNode().put("type", type);
        body.set(detailsField, details);
        return body;
    }

    private static ObjectNode permission(String role) {
        return JSON.createObjectNode()
                .put("change", "GRANT")
                .put("role", role)
                .put("eServiceId", eServiceId())
                .put("eServiceName", wide(MAX_NAME))
                .put("message", wide(MAX_MESSAGE));
    }

    private static ObjectNode checklistItem() {
        return JSON.createObjectNode().put("item", wide(MAX_CHECKLIST_ITEM)).put("done", true);
    }

    /** Distinct user ids and addresses, every one at its maximum length. */
    private static ObjectNode person(int index) {
        // CJK ideographs take three bytes too, and one per member keeps the ids apart.
        String userId = wide(MAX_USER_ID - 1) + (char) ('一' + index);
        String domain = "@kommun.example";
        String local = String.format("%04d", index);
        String email = local + "x".repeat(MAX_EMAIL - local.length() - domain.length()) + domain;
        return JSON.createObjectNode()
                .put("userId", userId)
                .put("name", wide(MAX_NAME))
                .put("email", email);
    }

    /** The longest e-service id; tests that file these put it into the catalogue first. */
    static final String E_SERVICE_ID = "es-" + "0".repeat(MAX_E_SERVICE_ID - 3);

    private static String eServiceId() {
        return E_SERVICE_ID;
    }

    private static String wide(int length) {
        return String.valueOf(WIDE).repeat(length);
    }

    /** Copies {@code largest} with the text at {@code field} one character longer. */
    private static OverLimit longer(ObjectNode largest, String field, char extra) {
        ObjectNode body = largest.deepCopy();
        ObjectNode parent = parentOf(body, field);
        String name = lastName(field);
        parent.put(name, parent.get(name).asString() + extra);
        return new OverLimit(field, body);
    }

    /** Copies {@code largest} with one more element in the list at {@code field}. */
    private static OverLimit oneMore(ObjectNode largest, String field, JsonNode element) {
        ObjectNode body = largest.deepCopy();
        ((ArrayNode) parentOf(body, field).get(lastName(field))).add(element);
        return new OverLimit(field, body);
    }

    private static ObjectNode parentOf(ObjectNode body, String field) {
        String pointer = "/" + field.replaceAll("\\[(\\d+)]", ".$1").replace('.', '/');
        return (ObjectNode) body.at(pointer.substring(0, pointer.lastIndexOf('/')));
    }

    private static String lastName(String field) {
        return field.substring(field.lastIndexOf('.') + 1);
    }
}
