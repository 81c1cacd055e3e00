package se.municipality.eops.publication.catalogue.domain;

/**
 * A command the catalogue's rules refuse. {@code kind} says how a caller should see it; {@code field}
 * names the input concerned.
 */
public class PublicationRefused extends RuntimeException {

    public enum Kind {
        /** The input breaks a rule (400). */
        INVALID,
        /** The state does not allow it (409): e.g. the review is closed or the reviewer decided. */
        CONFLICT,
        /** The caller may not do it (403). */
        FORBIDDEN
    }

    private final Kind kind;
    private final String field;

    public PublicationRefused(Kind kind, String field, String message) {
        super(message);
        this.kind = kind;
        this.field = field;
    }

    public Kind kind() {
        return kind;
    }

    public String field() {
        return field;
    }
}
