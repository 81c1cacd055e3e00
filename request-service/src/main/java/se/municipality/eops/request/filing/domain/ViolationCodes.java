package se.municipality.eops.request.filing.domain;

import se.municipality.eops.starter.rules.FieldErrorCodes;

/**
 * The kinds of broken rules a request can have, as {@link FieldViolation#code()}: stable names a client turns into
 * its own words (the portal's {@code field.error.<code>}). The parameters each kind carries are named beside it.
 * The kinds every service has are the starter's {@link FieldErrorCodes}; the rest are a request's own.
 */
public final class ViolationCodes {

    /** The field has no value (or only blanks). */
    public static final String REQUIRED = FieldErrorCodes.REQUIRED;
    /** A text longer than {@code max} characters. */
    public static final String TOO_LONG = FieldErrorCodes.TOO_LONG;
    /** A list of more than {@code max} entries. */
    public static final String TOO_MANY = FieldErrorCodes.TOO_MANY;
    /** A one-line text with control characters or half characters. */
    public static final String CONTROL_CHARACTERS = "control-characters";
    /** A message with control characters other than line breaks and tabs, or half characters. */
    public static final String CONTROL_CHARACTERS_IN_MESSAGE = "control-characters-in-message";
    /** Not an e-mail address the suite can send to. */
    public static final String NOT_AN_EMAIL = FieldErrorCodes.NOT_AN_EMAIL;
    /** An id that is not 1–{@code max} letters, digits or {@code . _ : -}. */
    public static final String NOT_AN_ID = FieldErrorCodes.NOT_AN_ID;
    /** A date that must lie in the future does not. */
    public static final String NOT_IN_FUTURE = FieldErrorCodes.NOT_IN_FUTURE;
    /** Details of another kind of request ({@code type}: the request's type). */
    public static final String NOT_FOR_TYPE = "not-for-type";
    /** The field is not part of a request of {@code type}. */
    public static final String UNKNOWN_FIELD = "unknown-field";
    /** The field belongs to another step ({@code step}: its id). */
    public static final String OTHER_STEP = "other-step";
    /** A new e-service needs its checklist. */
    public static final String CHECKLIST_REQUIRED = "checklist-required";
    /** Only a grant of permission can have an end. */
    public static final String END_ONLY_FOR_GRANT = "end-only-for-grant";
    /** A permission names a person or a group: not both, not neither. */
    public static final String PERSON_OR_GROUP = "person-or-group";
    /** Only case-handler permission can be given to a group. */
    public static final String GROUP_ONLY_CASE_HANDLER = "group-only-case-handler";
    /** A group needs at least one member. */
    public static final String NO_MEMBERS = "no-members";
    /** The same person twice in a group. */
    public static final String DUPLICATE_MEMBER = "duplicate-member";
    /**
     * The signed-in account has no e-mail address the suite can send to (it comes from the login's token, not the
     * form, so only the administrators of the login can mend it).
     */
    public static final String ACCOUNT_EMAIL = "account-email";
    /**
     * The request has ended (completed, rejected, withdrawn or failed) and cannot be changed so any more ({@code
     * status}: the status it ended in).
     */
    public static final String REQUEST_ENDED = "request-ended";

    /**
     * The draft was submitted already; it cannot be changed or submitted again ({@code requestId}: the request it was
     * filed as, to open instead).
     */
    public static final String DRAFT_SUBMITTED = "draft-submitted";

    private ViolationCodes() {}
}
