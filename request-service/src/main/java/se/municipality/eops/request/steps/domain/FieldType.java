package se.municipality.eops.request.steps.domain;

/** How a front end renders a field. */
public enum FieldType {
    /** One line of text. */
    TEXT,
    /** Several lines; line breaks and tabs allowed. */
    MESSAGE,
    /** An id: letters, digits and {@code . _ : -}, no spaces. */
    ID,
    /** One of {@code allowedValues}. */
    CHOICE,
    EMAIL,
    /** An ISO-8601 instant, e.g. {@code 2027-06-30T22:00:00Z}. */
    INSTANT,
    BOOLEAN,
    /** An object with the {@code fields} given. */
    OBJECT,
    /** A list of objects with the {@code fields} given. */
    LIST
}
