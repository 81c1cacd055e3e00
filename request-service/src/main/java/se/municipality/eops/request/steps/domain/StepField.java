package se.municipality.eops.request.steps.domain;

import java.util.Arrays;
import java.util.List;

/**
 * One field of a step.
 *
 * @param name the JSON path of the field in the request body ({@code publication.committee}); in
 *     {@code fields} of an object or list, the name within it
 * @param required whether the field must always be given
 * @param requiredWhen when it must be given otherwise: another field has one of some values
 * @param maxLength the most characters a text may have
 * @param maxItems the most entries a list may have
 * @param allowedValues the values a choice may take
 * @param fields the fields of an object, or of each entry of a list
 */
public record StepField(
        String name,
        Label label,
        FieldType type,
        boolean required,
        Condition requiredWhen,
        Integer maxLength,
        Integer maxItems,
        List<String> allowedValues,
        List<StepField> fields) {

    /** A field must be given when {@code field} has one of {@code values}. */
    public record Condition(String field, List<String> values) {}

    public static StepField text(String name, String sv, String en, boolean required, int maxLength) {
        return new StepField(name, new Label(sv, en), FieldType.TEXT, required, null, maxLength, null, null, null);
    }

    public static StepField id(String name, String sv, String en, boolean required, int maxLength) {
        return new StepField(name, new Label(sv, en), FieldType.ID, required, null, maxLength, null, null, null);
    }

    public static StepField email(String name, String sv, String en, int maxLength) {
        return new StepField(name, new Label(sv, en), FieldType.EMAIL, true, null, maxLength, null, null, null);
    }

    public static StepField message(String name, int maxLength) {
        return new StepField(
                name,
                new Label("Meddelande till e-tjänsteteamet", "Message to the e-service team"),
                FieldType.MESSAGE,
                false,
                null,
                maxLength,
                null,
                null,
                null);
    }

    public static <E extends Enum<E>> StepField choice(String name, String sv, String en, Class<E> values) {
        return new StepField(
                name,
                new Label(sv, en),
                FieldType.CHOICE,
                true,
                null,
                null,
                null,
                Arrays.stream(values.getEnumConstants()).map(Enum::name).toList(),
                null);
    }

    /** The same field, required only when {@code field} has one of {@code values}. */
    public StepField requiredWhen(String field, String... values) {
        return new StepField(
                name,
                label,
                type,
                false,
                new Condition(field, List.of(values)),
                maxLength,
                maxItems,
                allowedValues,
                fields);
    }

    /** The same field, not required. */
    public StepField optional() {
        return new StepField(name, label, type, false, null, maxLength, maxItems, allowedValues, fields);
    }

    /** Whether a broken rule at {@code path} is about this field or something inside it. */
    boolean covers(String path) {
        return path.equals(name) || path.startsWith(name + ".") || path.startsWith(name + "[");
    }
}
