package se.municipality.eops.publication.catalogue.domain;

import java.util.Map;
import se.municipality.eops.starter.rules.BrokenRule;

/**
 * A command the catalogue's rules refuse. {@code kind} says how a caller should see it; {@code field}
 * names the input concerned, {@code code} the kind (the starter's {@code FieldErrorCodes} or one of those below).
 */
public class PublicationRefused extends BrokenRule {

    /** The review is closed: the version is no longer in review. */
    public static final String REVIEW_CLOSED = "review-closed";
    /**
     * The reviewer's seat (or the person) has decided on this review already ({@code decidedBy}: who decided, and
     * {@code onBehalfOf} when a delegate filled the seat).
     */
    public static final String DECIDED_ALREADY = "decided-already";
    /** No review of that id. */
    public static final String NO_SUCH_REVIEW = "no-such-review";
    /** Only a published e-service can have this done. */
    public static final String NOT_PUBLISHED = "not-published";

    public enum Kind {
        /** The input breaks a rule (400). */
        INVALID,
        /** The state does not allow it (409): e.g. the review is closed or the reviewer decided. */
        CONFLICT,
        /** The caller may not do it (403). */
        FORBIDDEN
    }

    private final Kind kind;

    public PublicationRefused(Kind kind, String field, String message, String code) {
        this(kind, field, message, code, Map.of());
    }

    public PublicationRefused(Kind kind, String field, String message, String code, Map<String, Object> params) {
        super(field, message, code, params);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
