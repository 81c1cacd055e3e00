package se.municipality.eops.starter.rules;

/**
 * The kinds of field errors the services share, as a problem's {@code errors[].code}: stable names a client turns
 * into its own words (the portal's {@code field.error.<code>}, filled from {@code errors[].params}). The params each
 * kind carries are named beside it. A service keeps its own kinds (those only it has) in a class of its own; a kind
 * two services need lives here.
 */
public final class FieldErrorCodes {

    // The values a person types.

    /** The field has no value (or only blanks). */
    public static final String REQUIRED = "required";
    /** A text longer than {@code max} characters. */
    public static final String TOO_LONG = "too-long";
    /** A text that must be {@code min} to {@code max} characters long is not. */
    public static final String LENGTH = "length";
    /** A list of more than {@code max} entries. */
    public static final String TOO_MANY = "too-many";
    /** A list that must have at least one entry has none. */
    public static final String EMPTY = "empty";
    /** An id that is not 1–{@code max} letters, digits or {@code . _ : -}. */
    public static final String NOT_AN_ID = "not-an-id";
    /** Not an e-mail address the suite can send to. */
    public static final String NOT_AN_EMAIL = "not-an-email";
    /** Not an ISO date ({@code example}: one that is). */
    public static final String NOT_A_DATE = "not-a-date";
    /** Not an ISO-8601 period ({@code example}: one that is). */
    public static final String NOT_A_PERIOD = "not-a-period";
    /** A period of no length or less. */
    public static final String NOT_POSITIVE = "not-positive";
    /** A date that must lie in the future does not. */
    public static final String NOT_IN_FUTURE = "not-in-future";
    /** A date that may not lie after today does ({@code today}: today where the service's people are). */
    public static final String IN_FUTURE = "in-future";
    /** A date before the one it must follow ({@code after}: the field it must follow). */
    public static final String NOT_AFTER = "not-after";
    /** None of the values allowed ({@code allowed}: them, comma-separated). */
    public static final String NOT_ONE_OF = "not-one-of";
    /** Exactly one of two fields must be given ({@code other}: the other field). */
    public static final String ONE_OF_TWO = "one-of-two";
    /** The value is taken (by another entry of the same list, or by something stored). */
    public static final String TAKEN = "taken";

    // The shape of a body (the starter's own answers).

    /** A value of the right type that is still not one the field takes. */
    public static final String INVALID_VALUE = "invalid-value";
    /** A body larger than {@code max} bytes. */
    public static final String TOO_LARGE = "too-large";

    public static final String NOT_JSON = "not-json";
    public static final String NOT_JSON_OBJECT = "not-json-object";
    public static final String NOT_UTF8 = "not-utf8";
    /** JSON beyond what a service reads ({@code maxNesting}, {@code maxText}, {@code maxDigits}, {@code maxName}). */
    public static final String BEYOND_LIMITS = "beyond-limits";

    public static final String OUT_OF_RANGE = "out-of-range";
    public static final String NOT_BOOLEAN = "not-boolean";
    public static final String NOT_NUMBER = "not-number";
    public static final String NOT_LIST = "not-list";
    public static final String NOT_STRING = "not-string";
    public static final String NOT_OBJECT = "not-object";
    public static final String UNREADABLE = "unreadable";

    // The state a change met (409).

    /** Someone changed it meanwhile; look again. */
    public static final String CHANGED_MEANWHILE = "changed-meanwhile";
    /** Too many changes at once right now; try again. */
    public static final String BUSY = "busy";

    private FieldErrorCodes() {}
}
