package se.municipality.eops.portal.requests;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import se.municipality.eops.portal.services.PublicationServiceClient;
import se.municipality.eops.portal.services.RequestServiceClient.Step;
import se.municipality.eops.portal.services.RequestServiceClient.StepField;
import tools.jackson.databind.JsonNode;

/**
 * One step of the form, between request-service's step description and HTML: the inputs to render (each with the
 * id that is its JSON path in the request body, e.g. {@code publication.eServiceName}, so the API's field errors
 * land next to it) and the step's body built back from the posted form. A list gets rows ({@code x[0].name}); the
 * publication checklist gets one checkbox per item of the checklist in force.
 */
final class StepForm {

    static final String CHECKLIST = "publication.checklist";

    /** A choice's value with its text. */
    record Option(String value, String label, boolean checked, boolean mandatory) {}

    /**
     * An input (or a group of inputs: {@code OBJECT}, {@code LIST}, {@code CHECKLIST}) as the template renders it.
     *
     * @param id the input's id and name: the field's JSON path in the request body
     * @param type TEXT, MESSAGE, ID, CHOICE, EMAIL, INSTANT, BOOLEAN, OBJECT, LIST or CHECKLIST
     */
    record Input(
            String id,
            String label,
            String type,
            boolean optional,
            Integer maxLength,
            String value,
            List<Option> options,
            List<Input> children,
            List<List<Input>> rows) {

        public boolean checked() {
            return "true".equals(value);
        }
    }

    private final Locale locale;
    private final ZoneId zone;
    private final Function<String, String> choiceLabel;

    /**
     * @param choiceLabel the text of a choice's value by its key ({@code choice.<field>.<value>}); the value itself
     *     when the bundles have none
     */
    StepForm(Locale locale, ZoneId zone, Function<String, String> choiceLabel) {
        this.locale = locale;
        this.zone = zone;
        this.choiceLabel = choiceLabel;
    }

    /** The inputs of {@code step} filled with {@code values} (input id -> text); lists get {@code extraRows} more. */
    List<Input> inputs(
            Step step,
            Map<String, String> values,
            List<PublicationServiceClient.ChecklistItem> checklist,
            int extraRows) {
        List<Input> inputs = new ArrayList<>();
        for (StepField field : step.fields()) {
            inputs.add(
                    field.name().equals(CHECKLIST)
                            ? checklist(field, values, checklist)
                            : input(field, field.name(), values, extraRows));
        }
        return inputs;
    }

    private Input input(StepField field, String id, Map<String, String> values, int extraRows) {
        String label = field.label().in(locale);
        boolean optional = !field.required() && field.requiredWhen() == null;
        return switch (field.type()) {
            case "OBJECT" ->
                new Input(
                        id,
                        label,
                        "OBJECT",
                        optional,
                        null,
                        null,
                        List.of(),
                        field.fields().stream()
                                .map(child -> input(child, id + "." + child.name(), values, extraRows))
                                .toList(),
                        List.of());
            case "LIST" -> {
                int rows = Math.max(rowsIn(values, id), 1) + extraRows;
                List<List<Input>> rendered = new ArrayList<>();
                for (int row = 0; row < rows; row++) {
                    String rowId = id + "[" + row + "]";
                    rendered.add(field.fields().stream()
                            .map(child -> input(child, rowId + "." + child.name(), values, 0))
                            .toList());
                }
                yield new Input(
                        id,
                        label,
                        "LIST",
                        optional,
                        field.maxItems(),
                        String.valueOf(rows),
                        List.of(),
                        List.of(),
                        rendered);
            }
            case "CHOICE" ->
                new Input(
                        id,
                        label,
                        "CHOICE",
                        optional,
                        null,
                        values.get(id),
                        field.allowedValues().stream()
                                .map(value -> new Option(
                                        value,
                                        choiceLabel.apply("choice." + id + "." + value),
                                        value.equals(values.get(id)),
                                        false))
                                .toList(),
                        List.of(),
                        List.of());
            case "INSTANT" ->
                new Input(
                        id,
                        label,
                        "INSTANT",
                        optional,
                        null,
                        localTime(values.get(id)),
                        List.of(),
                        List.of(),
                        List.of());
            default ->
                new Input(
                        id,
                        label,
                        field.type(),
                        optional,
                        field.maxLength(),
                        values.get(id),
                        List.of(),
                        List.of(),
                        List.of());
        };
    }

    /** One checkbox per item in force, ticked where the draft says done (matched by item id, else by text). */
    private Input checklist(
            StepField field, Map<String, String> values, List<PublicationServiceClient.ChecklistItem> items) {
        Map<String, Boolean> done = new HashMap<>();
        for (int row = 0; row < rowsIn(values, field.name()); row++) {
            String at = field.name() + "[" + row + "]";
            boolean ticked = "true".equals(values.get(at + ".done"));
            if (values.get(at + ".itemId") != null) {
                done.put(values.get(at + ".itemId"), ticked);
            }
            if (values.get(at + ".item") != null) {
                done.put(values.get(at + ".item"), ticked);
            }
        }
        List<Option> options = items.stream()
                .map(item -> new Option(
                        item.id(),
                        item.text(),
                        "true".equals(values.get(field.name() + "." + item.id()))
                                || done.getOrDefault(item.id(), done.getOrDefault(item.text(), false)),
                        item.mandatory()))
                .toList();
        // Optional only when the service says so: for a new e-service it requires the checklist (requiredWhen), and
        // a legend saying "(optional)" let requesters send it unticked, to be stopped seconds later.
        boolean optional = !field.required() && field.requiredWhen() == null;
        return new Input(
                field.name(),
                field.label().in(locale),
                "CHECKLIST",
                optional,
                null,
                null,
                options,
                List.of(),
                List.of());
    }

    /**
     * The step's body ({@code {"publication":{"kind":..,..}}}) from the posted form: blank texts are left out (which
     * clears them), a person or list row with nothing filled in is left out, a checkbox not sent is false.
     */
    Map<String, Object> body(
            Step step, Map<String, String> form, List<PublicationServiceClient.ChecklistItem> checklist) {
        Map<String, Object> body = new LinkedHashMap<>();
        for (StepField field : step.fields()) {
            Object value = field.name().equals(CHECKLIST)
                    ? checklistAnswers(form, checklist)
                    : value(field, field.name(), form);
            if (value != null) {
                put(body, field.name(), value);
            }
        }
        return body;
    }

    private Object value(StepField field, String id, Map<String, String> form) {
        return switch (field.type()) {
            case "OBJECT" -> {
                Map<String, Object> object = new LinkedHashMap<>();
                for (StepField child : field.fields()) {
                    Object value = value(child, id + "." + child.name(), form);
                    if (value != null && !Boolean.FALSE.equals(value)) {
                        object.put(child.name(), value);
                    }
                }
                yield object.isEmpty() ? null : object;
            }
            case "LIST" -> {
                List<Object> rows = new ArrayList<>();
                int count = parseRows(form.get(id));
                for (int row = 0; row < count; row++) {
                    String rowId = id + "[" + row + "]";
                    Map<String, Object> object = new LinkedHashMap<>();
                    for (StepField child : field.fields()) {
                        Object value = value(child, rowId + "." + child.name(), form);
                        if (value != null && !Boolean.FALSE.equals(value)) {
                            object.put(child.name(), value);
                        }
                    }
                    if (!object.isEmpty()) {
                        rows.add(object);
                    }
                }
                yield rows.isEmpty() ? null : rows;
            }
            case "BOOLEAN" -> "true".equals(form.get(id));
            case "INSTANT" -> instant(form.get(id));
            case "MESSAGE" -> blankToNull(form.get(id));
            default -> blankToNull(form.get(id) == null ? null : form.get(id).strip());
        };
    }

    private static List<Object> checklistAnswers(
            Map<String, String> form, List<PublicationServiceClient.ChecklistItem> items) {
        List<Object> answers = new ArrayList<>();
        for (PublicationServiceClient.ChecklistItem item : items) {
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("itemId", item.id());
            answer.put("item", item.text());
            answer.put("done", "true".equals(form.get(CHECKLIST + "." + item.id())));
            answers.add(answer);
        }
        return answers;
    }

    /** A {@code datetime-local} value read in the portal's zone; what is not one goes as typed (the API names it). */
    private Object instant(String local) {
        if (local == null || local.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(local.strip()).atZone(zone).toInstant().toString();
        } catch (DateTimeParseException notLocal) {
            return local.strip();
        }
    }

    private String localTime(String instant) {
        if (instant == null || instant.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.ofInstant(Instant.parse(instant), zone)
                    .truncatedTo(ChronoUnit.MINUTES)
                    .toString();
        } catch (DateTimeParseException notInstant) {
            return instant;
        }
    }

    /** The inputs' values from a draft's details: {@code {"publication":{"kind":"X"}}} -> publication.kind=X. */
    static Map<String, String> valuesOf(String prefix, JsonNode details) {
        Map<String, String> values = new LinkedHashMap<>();
        flatten(prefix, details, values);
        return values;
    }

    private static void flatten(String path, JsonNode node, Map<String, String> into) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return;
        }
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> entry : node.properties()) {
                flatten(path + "." + entry.getKey(), entry.getValue(), into);
            }
        } else if (node.isArray()) {
            into.put(path, String.valueOf(node.size()));
            for (int i = 0; i < node.size(); i++) {
                flatten(path + "[" + i + "]", node.get(i), into);
            }
        } else {
            into.put(path, node.asString());
        }
    }

    /** How many rows a list has in {@code values} (its own entry holds the count). */
    private static int rowsIn(Map<String, String> values, String listId) {
        return parseRows(values.get(listId));
    }

    private static int parseRows(String count) {
        try {
            return count == null ? 0 : Math.min(Math.max(Integer.parseInt(count.strip()), 0), 500);
        } catch (NumberFormatException notANumber) {
            return 0;
        }
    }

    @SuppressWarnings("unchecked")
    private static void put(Map<String, Object> body, String path, Object value) {
        String[] parts = path.split("\\.");
        Map<String, Object> at = body;
        for (int i = 0; i < parts.length - 1; i++) {
            at = (Map<String, Object>) at.computeIfAbsent(parts[i], key -> new LinkedHashMap<String, Object>());
        }
        at.put(parts[parts.length - 1], value);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
