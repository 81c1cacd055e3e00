package se.municipality.eops.portal.web;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import se.municipality.eops.portal.services.RequestServiceClient;
import tools.jackson.databind.JsonNode;

/**
 * What a request asks for, as rows of a description list (the requester's page and the team's desk show it with
 * {@code fragments/request-content :: content(${content})}): the details object of its type as request-service
 * returns it, each value either the requester's own words or a text of the bundles ({@code choice.<type>.<field>.X}
 * for the choices the form offered). Fields the request leaves out are no row.
 */
public final class RequestContent {

    /** A text to show: a message key with arguments, or (key null) the one argument as it is. */
    public record Text(String key, List<Object> args) {

        static Text plain(String text) {
            return new Text(null, List.of(text));
        }

        static Text of(String key, Object... args) {
            return new Text(key, List.of(args));
        }

        public Object[] argArray() {
            return args.toArray();
        }
    }

    /** One row: its label (a message key) and one value, or several (a list) when {@code lines} is set. */
    public record Row(String id, String labelKey, Text value, List<Text> lines) {}

    private RequestContent() {}

    /** The rows of {@code request}; {@code times} formats an instant for the page (Swedish time). */
    public static List<Row> of(RequestServiceClient.Request request, Function<Instant, String> times) {
        List<Row> rows = new ArrayList<>();
        String type = request.type() == null ? "" : request.type();
        switch (type) {
            case "PUBLICATION" -> publication(request.publication(), rows);
            case "PURGE" -> purge(request.purge(), rows);
            case "PERMISSION" -> permission(request.permission(), rows, times);
            default -> {}
        }
        JsonNode details = switch (type) {
            case "PUBLICATION" -> request.publication();
            case "PURGE" -> request.purge();
            case "PERMISSION" -> request.permission();
            default -> null;
        };
        text(details, "message").ifPresent(message -> rows.add(plain("content-message", "content.message", message)));
        return rows;
    }

    private static void publication(JsonNode publication, List<Row> rows) {
        if (publication == null) {
            return;
        }
        choice(publication, "kind", "choice.publication.kind.", "content-kind", "content.publication.kind", rows);
        eService(publication, rows);
        text(publication, "versionLabel")
                .ifPresent(label -> rows.add(plain("content-version", "content.publication.versionLabel", label)));
        text(publication, "committee")
                .ifPresent(committee -> rows.add(plain("content-committee", "content.committee", committee)));
        text(publication, "orderer")
                .ifPresent(orderer -> rows.add(plain("content-orderer", "content.publication.orderer", orderer)));
        JsonNode checklist = publication.get("checklist");
        if (checklist != null && checklist.isArray() && !checklist.isEmpty()) {
            List<Text> answers = new ArrayList<>();
            for (JsonNode answer : checklist) {
                String item = text(answer, "item")
                        .orElseGet(() -> text(answer, "itemId").orElse(""));
                boolean done = answer.hasNonNull("done") && answer.get("done").asBoolean();
                answers.add(Text.of(done ? "summary.checklist.done" : "summary.checklist.notDone", item));
            }
            rows.add(new Row("content-checklist", "content.publication.checklist", null, answers));
        }
    }

    private static void purge(JsonNode purge, List<Row> rows) {
        if (purge == null) {
            return;
        }
        choice(purge, "kind", "choice.purge.kind.", "content-kind", "content.purge.kind", rows);
        eService(purge, rows);
        text(purge, "committee")
                .ifPresent(committee -> rows.add(plain("content-committee", "content.committee", committee)));
        text(purge, "purgeDecisionReference")
                .ifPresent(
                        reference -> rows.add(plain("content-decision", "content.purge.decisionReference", reference)));
    }

    private static void permission(JsonNode permission, List<Row> rows, Function<Instant, String> times) {
        if (permission == null) {
            return;
        }
        choice(permission, "change", "choice.permission.change.", "content-change", "content.permission.change", rows);
        choice(permission, "role", "choice.permission.role.", "content-role", "content.permission.role", rows);
        eService(permission, rows);
        JsonNode person = permission.get("person");
        if (person != null && person.isObject()) {
            rows.add(new Row("content-person", "content.permission.person", person(person), null));
        }
        JsonNode group = permission.get("group");
        if (group != null && group.isObject()) {
            text(group, "name").ifPresent(name -> rows.add(plain("content-group", "content.permission.group", name)));
            JsonNode members = group.get("members");
            if (members != null && members.isArray() && !members.isEmpty()) {
                List<Text> people = new ArrayList<>();
                members.forEach(member -> people.add(person(member)));
                rows.add(new Row("content-members", "content.permission.members", null, people));
            }
        }
        text(permission, "validUntil").ifPresent(until -> {
            String shown;
            try {
                shown = times.apply(Instant.parse(until));
            } catch (RuntimeException notAnInstant) {
                shown = until;
            }
            rows.add(plain("content-valid-until", "content.permission.validUntil", shown));
        });
    }

    private static Text person(JsonNode person) {
        String name = text(person, "name").orElse("");
        String userId = text(person, "userId").orElse("");
        return text(person, "email")
                .map(email -> Text.of("content.person.withEmail", name, userId, email))
                .orElseGet(() -> Text.of("content.person", name, userId));
    }

    private static void eService(JsonNode details, List<Row> rows) {
        var id = text(details, "eServiceId");
        var name = text(details, "eServiceName");
        if (id.isEmpty() && name.isEmpty()) {
            return;
        }
        rows.add(new Row(
                "content-eservice",
                "content.eService",
                name.isPresent() && id.isPresent()
                        ? Text.of("content.eService.value", name.get(), id.get())
                        : Text.plain(name.orElseGet(id::get)),
                null));
    }

    /** A choice shown as the form offered it ({@code choice.<type>.<field>.<VALUE>}), else as the value itself. */
    private static void choice(
            JsonNode details, String field, String keyPrefix, String id, String labelKey, List<Row> rows) {
        text(details, field)
                .ifPresent(value -> rows.add(new Row(id, labelKey, Text.of(keyPrefix + value, value), null)));
    }

    private static Row plain(String id, String labelKey, String text) {
        return new Row(id, labelKey, Text.plain(text), null);
    }

    private static java.util.Optional<String> text(JsonNode node, String field) {
        if (node == null || !node.hasNonNull(field)) {
            return java.util.Optional.empty();
        }
        String value = node.get(field).asString();
        return value == null || value.isBlank() ? java.util.Optional.empty() : java.util.Optional.of(value);
    }
}
